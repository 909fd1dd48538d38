package jp.uketsuke.compat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.VoiceServerLog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The production voice server writes {@code app-logs} itself, never through the API. Everything
 * this service shows of the call log (the phone directory, pages, sessions, timelines, exports)
 * must include those items, and every console edit of them must work.
 */
class VoiceServerCallLogCompatIT {
  private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

  @Test
  void utterancesPutStraightIntoTheLogShowInPhonesWithinFiveSeconds() {
    String tenant = "compat-voice-phones";
    Console console = Console.of(tenant);
    VoiceServerLog known = new VoiceServerLog(tenant, "09022220001", "CAvp1");
    known.put("user_text", "先週の件です", Instant.now().minusSeconds(3600));
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> assertThat(Console.phones(console.api.get("/phones").ok())).contains("09022220001"));

    String first = new VoiceServerLog(tenant, "09022220002", "CAvp2").caller("もしもし");
    String again = known.caller("また電話しました");
    JsonObject phones =
        Eventually.within(
            FIVE_SECONDS,
            () -> {
              JsonObject now = console.api.get("/phones").ok();
              assertThat(Console.phones(now)).containsExactly("09022220001", "09022220002");
              return now;
            });
    List<JsonObject> directory = phones.getJsonArray("directory").getValuesAs(JsonObject.class);
    assertThat(directory.get(0).getString("last_ts")).isEqualTo(again);
    assertThat(directory.get(0).getInt("turns")).isEqualTo(2);
    assertThat(directory.get(0).getString("last_call_sid")).isEqualTo("CAvp1");
    assertThat(directory.get(1).getString("last_ts")).isEqualTo(first);
    assertThat(directory.get(1).getInt("turns")).isEqualTo(1);
  }

  @Test
  void everyReadRouteShowsTheVoiceServersUtterancesInTimeOrder() {
    String tenant = "compat-voice-reads";
    Instant start = Instant.now().minusSeconds(600);
    VoiceServerLog call = new VoiceServerLog(tenant, "09033330001", "CAvr1");
    String t0 = call.put("user_text", "予約したいです", start);
    String t1 = call.put("assistant_text", "かしこまりました", start.plusMillis(1500));
    String t2 = call.put("user_text", "明日の10時で", start.plusMillis(1500).plusNanos(1000));
    String t3 = call.put("assistant_text", "承りました", start.plusSeconds(4));
    Api voice = Api.as(Tokens.service()).header("x-client-id", tenant);
    Api owner = Api.as(Tokens.person(tenant));

    assertThat(texts(owner.get("/calls?order=asc").ok()))
        .containsExactly("予約したいです", "かしこまりました", "明日の10時で", "承りました");
    assertThat(texts(owner.get("/calls?order=desc&limit=1").ok())).containsExactly("承りました");
    assertThat(
            texts(
                owner
                    .get("/calls?order=asc&phone=09033330001&from=" + enc(t1) + "&to=" + enc(t2))
                    .ok()))
        .containsExactly("かしこまりました", "明日の10時で");
    assertThat(texts(voice.get("/call?call_sid=CAvr1").ok()))
        .containsExactly("予約したいです", "かしこまりました", "明日の10時で", "承りました");
    JsonObject one = owner.get("/call?phone=09033330001&ts=" + enc(t0)).ok().getJsonObject("item");
    assertThat(one.getString("user_text")).isEqualTo("予約したいです");
    assertThat(one.containsKey("assistant_text")).isFalse();

    JsonObject session =
        owner.get("/callers/09033330001").ok().getJsonArray("sessions").getJsonObject(0);
    assertThat(session.getString("call_sid")).isEqualTo("CAvr1");
    assertThat(session.getString("first_ts")).isEqualTo(t0);
    assertThat(session.getString("last_ts")).isEqualTo(t3);
    assertThat(session.getInt("turns")).isEqualTo(4);
    assertThat(owner.get("/calls/export?format=jsonl&phone=09033330001").body().lines()).hasSize(4);
  }

  @Test
  void callsFromAnUnknownNumberAreListedReadAndDeletedLikeAnyOther() {
    String tenant = "compat-voice-unknown";
    Console console = Console.of(tenant);
    VoiceServerLog anonymous = new VoiceServerLog(tenant, "unknown", "CAvu1");
    String ts = anonymous.put("user_text", "非通知です", Instant.now().minusSeconds(60));
    Eventually.holds(
        FIVE_SECONDS,
        () ->
            assertThat(Console.phones(console.api.get("/phones").ok())).containsExactly("unknown"));
    assertThat(texts(console.api.get("/calls?phone=unknown&limit=1&order=desc").ok()))
        .containsExactly("非通知です");
    console.api.delete("/call?phone=unknown&ts=" + enc(ts)).ok();
    assertThat(Console.phones(console.api.get("/phones").ok())).isEmpty();
  }

  @Test
  void theConsoleCanChangeAndDeleteTheVoiceServersTurnsAndSessions() {
    String tenant = "compat-voice-edits";
    Console console = Console.of(tenant);
    VoiceServerLog call = new VoiceServerLog(tenant, "09044440001", "CAve1");
    String said = call.put("user_text", "駐車場はありますか", Instant.now().minusSeconds(120));
    call.put("assistant_text", "ございます", Instant.now().minusSeconds(119));

    console
        .api
        .put(
            "/call",
            """
            {"phone_number": "09044440001", "ts": "%s", "assistant_text": "(担当者が折り返し)"}"""
                .formatted(said))
        .ok();
    Map<String, AttributeValue> stored =
        RawDynamo.client()
            .getItem(
                b ->
                    b.tableName(RawDynamo.table("logs"))
                        .key(
                            Map.of(
                                "client_id", AttributeValue.fromS(tenant),
                                "sk", AttributeValue.fromS("09044440001#" + said))))
            .item();
    assertThat(stored.get("user_text").s()).isEqualTo("駐車場はありますか");
    assertThat(stored.get("assistant_text").s()).isEqualTo("(担当者が折り返し)");
    assertThat(stored.get("call_sid").s()).isEqualTo("CAve1");

    assertThat(console.api.delete("/call?call_sid=CAve1").ok().getInt("deleted")).isEqualTo(2);
    assertThat(Console.calls(console.api.get("/calls?phone=09044440001").ok())).isEmpty();
  }

  @Test
  void theCallersTimelineAndErasureFindTasksTheVoiceServerStoredWithAnUnnormalisedPhone() {
    String tenant = "compat-voice-caller";
    new VoiceServerLog(tenant, "09066660001", "CAvc1")
        .put("user_text", "予約をお願いします", Instant.now().minusSeconds(60));
    // The voice server's create_task: PutItem of the model's strings, phone as the caller said it.
    VoiceServerTasks.put(
        tenant,
        VoiceServerTasks.task(
            "田中様 剪定",
            "庭木の剪定",
            "12月24日 19時",
            "+81 90-6666-0001",
            "",
            "2026-12-01T10:00:00.000000+00:00"));
    Api owner = Api.as(Tokens.person(tenant));

    assertThat(owner.get("/callers/09066660001").ok().getJsonArray("tasks"))
        .extracting(t -> t.asJsonObject().getString("name"))
        .containsExactly("田中様 剪定");
    JsonObject erased = owner.delete("/callers/09066660001").ok().getJsonObject("deleted");
    assertThat(erased.getInt("turns")).isEqualTo(1);
    assertThat(erased.getInt("tasks")).isEqualTo(1);
    assertThat(owner.get("/tasks").ok().getJsonArray("items")).isEmpty();
  }

  @Test
  void anotherTenantSeesNothingTheVoiceServerWroteForThisOne() {
    String tenant = "compat-voice-own";
    new VoiceServerLog(tenant, "09055550001", "CAvo1")
        .put("user_text", "こんにちは", Instant.now().minusSeconds(30));
    Eventually.holds(
        FIVE_SECONDS,
        () ->
            assertThat(Console.phones(Console.of(tenant).api.get("/phones").ok()))
                .containsExactly("09055550001"));

    Api other = Api.as(Tokens.person("compat-voice-other"));
    assertThat(Console.phones(other.get("/phones").ok())).isEmpty();
    assertThat(Console.calls(other.get("/calls?phone=09055550001").ok())).isEmpty();
    other.get("/call?call_sid=CAvo1").problem(404);
    assertThat(other.get("/callers/09055550001").ok().getJsonArray("sessions")).isEmpty();
    other.delete("/call?call_sid=CAvo1").problem(404);
  }

  private static List<String> texts(JsonObject page) {
    return Console.calls(page).stream()
        .map(
            t ->
                t.containsKey("user_text")
                    ? t.getString("user_text")
                    : t.getString("assistant_text"))
        .toList();
  }

  private static String enc(String value) {
    return Console.encodeURIComponent(value);
  }
}
