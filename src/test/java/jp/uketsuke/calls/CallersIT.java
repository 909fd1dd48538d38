package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET|DELETE /callers/{phone}}: a caller's timeline, and erasing everything about them. */
class CallersIT {
  private static final String PHONE = "09055556666";

  @Test
  void theTimelineGroupsTurnsBySessionNewestFirstWithTasks() {
    String tenant = "callers-timeline";
    seedCaller(tenant);
    JsonObject timeline = Api.as(Tokens.person(tenant)).get("/callers/%2B81-90-5555-6666").ok();

    assertThat(timeline.getString("phone_number")).isEqualTo(PHONE);
    assertThat(timeline.containsKey("recordings")).isTrue(); // its values: CallerRecordingsIT
    List<JsonObject> sessions = timeline.getJsonArray("sessions").getValuesAs(JsonObject.class);
    assertThat(sessions)
        .extracting(s -> s.getString("call_sid"))
        .containsExactly("CA-late", "CA-early");
    JsonObject late = sessions.get(0);
    assertThat(late.getString("first_ts")).isEqualTo("2025-10-02T09:00:00+00:00");
    assertThat(late.getString("last_ts")).isEqualTo("2025-10-02T09:00:01.000001+00:00");
    assertThat(late.getInt("turns")).isEqualTo(3);
    assertThat(sessions.get(1).getInt("turns")).isEqualTo(2);
    List<JsonObject> tasks = timeline.getJsonArray("tasks").getValuesAs(JsonObject.class);
    assertThat(tasks).extracting(t -> t.getString("name")).containsExactly("剪定の予約");
    assertThat(tasks.get(0).getString("start_datetime")).isEqualTo("2025-10-10 10:00");
  }

  @Test
  void anEndedCallCarriesItsSummaryInTheTimelineAndErasureRemovesIt() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Api owner = Api.as(Tokens.person("callers-summary-" + run));
    String phone = "09077778888";
    String ended = "CAended" + run;
    String open = "CAopen" + run;
    owner.post("/call", turn(phone, ended, "予約を変更したいです")).ok();
    owner.post("/call", turn(phone, open, "もう一つ質問です")).ok();
    JsonObject summary =
        owner.post("/call/end", "{\"call_sid\": \"" + ended + "\"}").ok().getJsonObject("summary");

    List<JsonObject> sessions =
        owner.get("/callers/" + phone).ok().getJsonArray("sessions").getValuesAs(JsonObject.class);
    JsonObject endedSession =
        sessions.stream()
            .filter(x -> x.getString("call_sid").equals(ended))
            .findFirst()
            .orElseThrow();
    JsonObject openSession =
        sessions.stream()
            .filter(x -> x.getString("call_sid").equals(open))
            .findFirst()
            .orElseThrow();
    assertThat(endedSession.getJsonObject("summary")).isEqualTo(summary);
    assertThat(endedSession.getInt("turns")).isEqualTo(1);
    assertThat(openSession.containsKey("summary")).as("a call going on: no field").isFalse();

    JsonObject deleted = owner.delete("/callers/" + phone).ok().getJsonObject("deleted");
    assertThat(deleted.getInt("summaries")).isEqualTo(1);
    owner.get("/call/summary?call_sid=" + ended).problem(404);
  }

  private static String turn(String phone, String callSid, String said) {
    return "{\"phone_number\": \""
        + phone
        + "\", \"call_sid\": \""
        + callSid
        + "\", \"user_text\": \""
        + said
        + "\"}";
  }

  @Test
  void anUnknownCallerHasAnEmptyTimeline() {
    JsonObject timeline = Api.as(Tokens.person("callers-empty")).get("/callers/0311112222").ok();
    assertThat(timeline.getJsonArray("sessions")).isEmpty();
    assertThat(timeline.getJsonArray("tasks")).isEmpty();
  }

  @Test
  void erasureRemovesTurnsTasksTranscriptsAndDirectoryEntryAndIsAudited() {
    String tenant = "callers-erase";
    seedCaller(tenant);
    Api owner = Api.as(Tokens.person(tenant));
    owner.post("/call", "{\"phone_number\": \"" + PHONE + "\", \"user_text\": \"now\"}").ok();
    owner.post("/call", "{\"phone_number\": \"0311112222\", \"user_text\": \"stays\"}").ok();
    List<Map<String, AttributeValue>> many = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      many.add(
          RawTables.turn(
              tenant,
              PHONE,
              "2024-01-01T00:%02d:%02d.%06d+00:00".formatted(i / 60 % 60, i % 60, i),
              "old",
              null));
    }
    RawTables.putAll(RawTables.LOGS, many);
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> assertThat(owner.get("/phones").ok().getJsonArray("items")).hasSize(2));

    JsonObject deleted = owner.delete("/callers/" + PHONE).ok().getJsonObject("deleted");
    assertThat(deleted.getInt("turns")).isEqualTo(1206);
    assertThat(deleted.getInt("tasks")).isEqualTo(1);
    assertThat(deleted.getInt("transcripts")).isEqualTo(1);
    assertThat(deleted.getInt("directory")).isEqualTo(1);

    assertThat(owner.get("/calls?phone=" + PHONE).ok().getJsonArray("items")).isEmpty();
    Eventually.holds(
        Duration.ofSeconds(10),
        () ->
            assertThat(owner.get("/phones").ok().getJsonArray("items"))
                .containsExactly(jakarta.json.Json.createValue("0311112222")));
    assertThat(RawTables.count(RawTables.TASKS, tenant)).isEqualTo(1);
    assertThat(RawTables.count(RawTables.TRANSCRIPTS, tenant)).isEqualTo(1);
    assertThat(RawTables.count(RawTables.LOGS, tenant)).isEqualTo(2);
    JsonObject entry = owner.get("/audit").ok().getJsonArray("items").getJsonObject(0);
    assertThat(entry.getString("action")).isEqualTo("caller.erase");
    assertThat(entry.getString("key")).isEqualTo(PHONE);
    assertThat(entry.getString("after")).contains("turns=1206");

    JsonObject again = owner.delete("/callers/" + PHONE).ok().getJsonObject("deleted");
    assertThat(again.values()).allMatch(n -> n.toString().equals("0"));
  }

  @Test
  void anotherTenantSeesNothingOfTheCallerAndErasesNothingOfIt() {
    seedCaller("callers-a");
    Api b = Api.as(Tokens.person("callers-b"));
    JsonObject timeline = b.get("/callers/" + PHONE).ok();
    assertThat(timeline.getJsonArray("sessions")).isEmpty();
    assertThat(timeline.getJsonArray("tasks")).isEmpty();
    assertThat(timeline.toString()).doesNotContain("剪定");
    JsonObject deleted = b.delete("/callers/" + PHONE).ok().getJsonObject("deleted");
    assertThat(deleted.getInt("turns") + deleted.getInt("tasks") + deleted.getInt("transcripts"))
        .isZero();
    assertThat(RawTables.count(RawTables.LOGS, "callers-a")).isEqualTo(6);
    assertThat(RawTables.count(RawTables.TASKS, "callers-a")).isEqualTo(2);
    assertThat(RawTables.count(RawTables.TRANSCRIPTS, "callers-a")).isEqualTo(2);
  }

  @Test
  void theVoiceServerReadsTimelinesButOnlyPeopleEraseAndTokensAreRequired() {
    seedCaller("callers-voice");
    Api voice = Api.as(Tokens.service()).header("x-client-id", "callers-voice");
    assertThat(voice.get("/callers/" + PHONE).ok().getJsonArray("sessions")).hasSize(2);
    voice.delete("/callers/" + PHONE).problem(403);
    assertThat(RawTables.count(RawTables.LOGS, "callers-voice")).isEqualTo(6);
    Api.anonymous().get("/callers/" + PHONE).problem(401);
    Api.anonymous().delete("/callers/" + PHONE).problem(401);
  }

  /** Two calls of the caller, one turn of another phone, a task each, a transcript each. */
  private static void seedCaller(String tenant) {
    RawTables.putAll(
        RawTables.LOGS,
        List.of(
            RawTables.turn(tenant, PHONE, "2025-10-01T09:00:00+00:00", "a", "CA-early"),
            RawTables.turn(tenant, PHONE, "2025-10-01T09:00:05.5+00:00", "b", "CA-early"),
            RawTables.turn(tenant, PHONE, "2025-10-02T09:00:00+00:00", "c", "CA-late"),
            RawTables.turn(tenant, PHONE, "2025-10-02T09:00:01+00:00", "d", "CA-late"),
            RawTables.turn(tenant, PHONE, "2025-10-02T09:00:01.000001+00:00", "e", "CA-late"),
            RawTables.turn(
                tenant, "0311112222", "2025-10-03T09:00:00+00:00", "other", "CA-other")));
    RawTables.putAll(
        RawTables.TASKS,
        List.of(
            task(tenant, "剪定の予約", PHONE, "2025-10-10 10:00"),
            task(tenant, "草刈り", "0311112222", "2025-10-11")));
    RawTables.putAll(
        RawTables.TRANSCRIPTS,
        List.of(transcript(tenant, "RE-1", PHONE), transcript(tenant, "RE-2", "0311112222")));
  }

  private static Map<String, AttributeValue> task(
      String tenant, String name, String phone, String start) {
    return Map.of(
        "client_id", RawTables.s(tenant),
        "name", RawTables.s(name),
        "phone_number", RawTables.s(phone),
        "start_datetime", RawTables.s(start),
        "request", RawTables.s("庭木の剪定"));
  }

  private static Map<String, AttributeValue> transcript(String tenant, String sid, String phone) {
    return Map.of(
        "client_id", RawTables.s(tenant),
        "recording_sid", RawTables.s(sid),
        "phone_number", RawTables.s(phone),
        "text", RawTables.s("もしもし"));
  }
}
