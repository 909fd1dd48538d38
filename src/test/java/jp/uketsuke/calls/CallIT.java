package jp.uketsuke.calls;

import static jp.uketsuke.calls.CallsIT.enc;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET|POST|PUT|DELETE /call}: single turns and sessions, never overwritten, per tenant. */
class CallIT {

  @Test
  void aPostedTurnGetsANormalisedPhoneAndAMicrosecondTimeAndIsReadBack() {
    Api voice = Api.as(Tokens.service()).header("x-client-id", "call-post");
    JsonObject item =
        voice
            .post(
                "/call",
                "{\"phone_number\": \"+81 90-1234-5678\", \"user_text\": \"予約したい\", \"callSid\": \"CA1\"}")
            .ok()
            .getJsonObject("item");
    assertThat(item.getString("phone_number")).isEqualTo("09012345678");
    assertThat(item.getString("ts"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    assertThat(item.getString("call_sid")).isEqualTo("CA1");
    assertThat(item.containsKey("assistant_text")).isFalse();

    JsonObject read =
        voice
            .get("/call?phone=09012345678&ts=" + enc(item.getString("ts")))
            .ok()
            .getJsonObject("item");
    assertThat(read).isEqualTo(item);
    Map<String, AttributeValue> stored =
        RawTables.get(RawTables.LOGS, key("call-post", "09012345678", item.getString("ts")));
    assertThat(stored.get("user_text").s()).isEqualTo("予約したい");
    assertThat(stored.get("phone_number").s()).isEqualTo("09012345678");
  }

  @Test
  void unknownStaysUnknownAndAnAssistantOnlyTurnIsStored() {
    Api owner = Api.as(Tokens.person("call-unknown"));
    JsonObject item =
        owner
            .post("/call", "{\"phone_number\": \"unknown\", \"assistant_text\": \"はい\"}")
            .ok()
            .getJsonObject("item");
    assertThat(item.getString("phone_number")).isEqualTo("unknown");
    assertThat(item.getString("assistant_text")).isEqualTo("はい");
    assertThat(item.containsKey("user_text")).isFalse();
  }

  @Test
  void twoPostsWithTheSameTsAnswer409AndTheFirstTurnIsKept() {
    Api owner = Api.as(Tokens.person("call-409"));
    String body =
        "{\"phone_number\": \"0312345678\", \"ts\": \"2025-10-01T12:34:56+00:00\", \"user_text\": \"%s\"}";
    owner.post("/call", body.formatted("first")).ok();
    owner.post("/call", body.formatted("second")).problem(409);
    owner
        .post(
            "/call", "{\"phone_number\": \"03-1234-5678\", \"ts\": \"2025-10-01T21:34:56+09:00\"}")
        .problem(409);

    JsonObject item =
        owner
            .get("/call?phone=0312345678&ts=" + enc("2025-10-01T12:34:56+00:00"))
            .ok()
            .getJsonObject("item");
    assertThat(item.getString("user_text")).isEqualTo("first");
  }

  @Test
  void fiftyConcurrentPostsWithoutTsForOnePhoneStoreFiftyTurns() throws Exception {
    Api voice = Api.as(Tokens.service()).header("x-client-id", "call-concurrent");
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      bodies.add(
          "{\"phone_number\": \"09011112222\", \"user_text\": \"u"
              + i
              + "\", \"call_sid\": \"CAc\"}");
    }
    ConcurrentPosts.postAll(Tokens.service(), "call-concurrent", bodies, 16);
    assertThat(RawTables.count(RawTables.LOGS, "call-concurrent")).isEqualTo(50);
    assertThat(voice.get("/call?call_sid=CAc").ok().getJsonArray("items")).hasSize(50);
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> {
          JsonArray directory = voice.get("/phones").ok().getJsonArray("directory");
          assertThat(directory).hasSize(1);
          assertThat(directory.getJsonObject(0).getInt("turns")).isEqualTo(50);
        });
  }

  @Test
  void aSessionComesBackInTimeOrderWithOnlyThisTenantsTurns() {
    String tenant = "call-session";
    RawTables.putAll(
        RawTables.LOGS,
        List.of(
            RawTables.turn(
                tenant, "0451112222", "2025-10-01T10:00:02.000001+00:00", "third", "CAs"),
            RawTables.turn(tenant, "0451112222", "2025-10-01T10:00:01+00:00", "first", "CAs"),
            RawTables.turn(tenant, "unknown", "2025-10-01T10:00:02+00:00", "second", "CAs"),
            RawTables.turn(tenant, "0451112222", "2025-10-01T09:00:00+00:00", "other call", "CAo"),
            RawTables.turn(
                "call-session-b", "0451112222", "2025-10-01T10:00:01.5+00:00", "B's", "CAs")));
    List<JsonObject> items =
        Api.as(Tokens.person(tenant))
            .get("/call?call_sid=CAs")
            .ok()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(items)
        .extracting(i -> i.getString("user_text"))
        .containsExactly("first", "second", "third");
  }

  @Test
  void putChangesAnExistingTurnAndAnswers404ForAMissingOne() {
    Api owner = Api.as(Tokens.person("call-put"));
    String ts =
        owner
            .post("/call", "{\"phone_number\": \"0311112222\", \"user_text\": \"a\"}")
            .ok()
            .getJsonObject("item")
            .getString("ts");
    JsonObject changed =
        owner
            .put(
                "/call",
                "{\"phone_number\": \"03-1111-2222\", \"ts\": \""
                    + ts
                    + "\", \"assistant_text\": \"b\"}")
            .ok()
            .getJsonObject("item");
    assertThat(changed.getString("user_text")).isEqualTo("a");
    assertThat(changed.getString("assistant_text")).isEqualTo("b");
    owner
        .put(
            "/call",
            "{\"phone_number\": \"0311112222\", \"ts\": \"2020-01-01T00:00:00+00:00\", \"user_text\": \"x\"}")
        .problem(404);
    assertThat(RawTables.count(RawTables.LOGS, "call-put")).isEqualTo(1);
    owner.put("/call", "{\"phone_number\": \"0311112222\", \"user_text\": \"x\"}").problem(400);
  }

  @Test
  void deleteRemovesOneTurnAndAnswers404WhenItIsGone() {
    Api owner = Api.as(Tokens.person("call-delete"));
    String ts =
        owner
            .post("/call", "{\"phone_number\": \"0311112222\", \"user_text\": \"a\"}")
            .ok()
            .getJsonObject("item")
            .getString("ts");
    JsonObject deleted = owner.delete("/call?phone=0311112222&ts=" + enc(ts)).ok();
    assertThat(deleted.containsKey("deleted")).isFalse();
    owner.delete("/call?phone=0311112222&ts=" + enc(ts)).problem(404);
    owner.get("/call?phone=0311112222&ts=" + enc(ts)).problem(404);
    assertThat(owner.get("/phones").ok().getJsonArray("items")).isEmpty();
  }

  @Test
  void deletingASessionRemovesAllItsTurnsInBatchesAndCountsThem() {
    String tenant = "call-delete-session";
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      items.add(
          RawTables.turn(
              tenant,
              "0900000000" + (i % 3),
              "2025-10-01T10:00:%02d+00:00".formatted(i),
              "t",
              "CAd"));
    }
    items.add(RawTables.turn(tenant, "09000000000", "2025-10-02T10:00:00+00:00", "kept", "CAkeep"));
    items.add(
        RawTables.turn(
            "call-delete-session-b", "09000000000", "2025-10-01T10:00:00.5+00:00", "B's", "CAd"));
    RawTables.putAll(RawTables.LOGS, items);

    Api owner = Api.as(Tokens.person(tenant));
    assertThat(owner.delete("/call?call_sid=CAd").ok().getInt("deleted")).isEqualTo(60);
    assertThat(RawTables.count(RawTables.LOGS, tenant)).isEqualTo(1);
    assertThat(RawTables.count(RawTables.LOGS, "call-delete-session-b")).isEqualTo(1);
    owner.get("/call?call_sid=CAd").problem(404);
    owner.delete("/call?call_sid=CAd").problem(404);
  }

  /** Changing a turn needs its ts; with the phone missing too, one problem names both. */
  @Test
  void aChangeWithoutPhoneOrTsIsOneProblemNamingBoth() {
    Api owner = Api.as(Tokens.person("call-bad-both"));
    assertThat(owner.put("/call", "{\"user_text\": \"x\"}").problem(400).getString("error"))
        .isEqualTo("phone_number is required. ts is required.");
  }

  @Test
  void badBodiesAndParametersAreRefusedWith400() {
    Api owner = Api.as(Tokens.person("call-bad"));
    assertThat(owner.post("/call", "{\"user_text\": \"a\"}").problem(400).getString("error"))
        .contains("phone_number");
    assertThat(
            owner
                .post("/call", "{\"phone_number\": \"03\", \"user_text\": 5}")
                .problem(400)
                .getString("error"))
        .contains("user_text");
    assertThat(
            owner
                .post("/call", "{\"phone_number\": \"03\", \"ts\": \"yesterday\"}")
                .problem(400)
                .getString("error"))
        .contains("ts");
    owner.post("/call", "{\"phone_number\": ").problem(400);
    owner.post("/call", "[]").problem(400);
    owner
        .post(
            "/call",
            Json.createObjectBuilder()
                .add("phone_number", "03")
                .add("user_text", "x".repeat(100_001))
                .build()
                .toString())
        .problem(400);
    owner.get("/call").problem(400);
    owner.get("/call?phone=03").problem(400);
    owner.delete("/call?ts=2025-10-01").problem(400);
  }

  @Test
  void anotherTenantCannotReadChangeOrDeleteTheseTurns() {
    Api a = Api.as(Tokens.person("call-tenant-a"));
    JsonObject item =
        a.post(
                "/call",
                "{\"phone_number\": \"0312340000\", \"user_text\": \"A's secret\", \"call_sid\": \"CAtenantA\"}")
            .ok()
            .getJsonObject("item");
    String ts = enc(item.getString("ts"));
    Api b = Api.as(Tokens.person("call-tenant-b"));

    b.get("/call?phone=0312340000&ts=" + ts).problem(404);
    assertThat(b.get("/call?call_sid=CAtenantA").problem(404).toString()).doesNotContain("secret");
    b.put(
            "/call",
            "{\"phone_number\": \"0312340000\", \"ts\": \""
                + item.getString("ts")
                + "\", \"user_text\": \"B\"}")
        .problem(404);
    b.delete("/call?phone=0312340000&ts=" + ts).problem(404);
    b.delete("/call?call_sid=CAtenantA").problem(404);
    assertThat(RawTables.count(RawTables.LOGS, "call-tenant-b")).isZero();
    Api.as(Tokens.service())
        .header("x-client-id", "call-tenant-b")
        .get("/call?call_sid=CAtenantA")
        .problem(404);

    assertThat(
            a.get("/call?call_sid=CAtenantA")
                .ok()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("user_text"))
        .isEqualTo("A's secret");
  }

  @Test
  void tokensAreRequiredAndTheVoiceServerMayAppendAndReadButNotChangeOrDelete() {
    Api.anonymous().post("/call", "{\"phone_number\": \"03\", \"user_text\": \"a\"}").problem(401);
    Api.anonymous().get("/call?call_sid=CA1").problem(401);
    Api.anonymous().delete("/call?call_sid=CA1").problem(401);
    Api voice = Api.as(Tokens.service()).header("x-client-id", "call-voice");
    String ts =
        voice
            .post(
                "/call", "{\"phone_number\": \"03\", \"user_text\": \"a\", \"call_sid\": \"CAv\"}")
            .ok()
            .getJsonObject("item")
            .getString("ts");
    voice.get("/call?phone=03&ts=" + enc(ts)).ok();
    voice
        .put("/call", "{\"phone_number\": \"03\", \"ts\": \"" + ts + "\", \"user_text\": \"b\"}")
        .problem(403);
    voice.delete("/call?phone=03&ts=" + enc(ts)).problem(403);
    voice.delete("/call?call_sid=CAv").problem(403);
    assertThat(RawTables.count(RawTables.LOGS, "call-voice")).isEqualTo(1);
  }

  static Map<String, AttributeValue> key(String tenant, String phone, String ts) {
    return Map.of("client_id", RawTables.s(tenant), "sk", RawTables.s(phone + "#" + ts));
  }
}
