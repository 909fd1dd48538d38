package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ModelStub.answer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Who may chat and read chat logs and usage: the tenant matrix and bad input. */
class ChatAccessIT {

  @Test
  void withoutAValidTokenEveryChatRouteIs401() {
    Api nobody = Api.anonymous();
    Api forged = Api.as(Tokens.signWithUnknownKey(Tokens.idToken("chat-access")));
    for (Api api : List.of(nobody, forged)) {
      api.post("/chat", chat("0300000000", "x", null)).problem(401);
      api.get("/chat-logs").problem(401);
      api.get("/usage").problem(401);
    }
  }

  @Test
  void chatLogsAndUsageShowOnlyTheOwnTenantsTurnsWithPhonesMasked() {
    Api a = tenant("chat-logs-a");
    Api b = Api.as(Tokens.person("chat-logs-b"));
    try (ModelStub model = new ModelStub("marker:chat-logs-a")) {
      model.always(answer("はい", 7, 3));
      a.post("/chat", chat("090-1234-5678", "秘密の相談", "CAlogs")).ok();
    }
    List<JsonObject> events =
        a.get("/chat-logs?minutes=5").ok().getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(events).hasSize(1);
    JsonObject event = events.get(0);
    assertThat(event.getString("message")).contains("mode=llm").contains("090******78");
    assertThat(event.toString()).doesNotContain("09012345678", "秘密の相談");
    assertThat(event.getString("mode")).isEqualTo("llm");
    assertThat(event.getJsonNumber("timestamp").longValue())
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    assertThat(event.getInt("tokens_in")).isEqualTo(7);

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonObject day =
        a.get("/usage?from=" + today + "&to=" + today).ok().getJsonArray("items").getJsonObject(0);
    assertThat(day.getString("day")).isEqualTo(today);
    assertThat(day.getInt("turns")).isEqualTo(1);
    assertThat(day.getInt("tokens_in")).isEqualTo(7);
    assertThat(day.getInt("tokens_out")).isEqualTo(3);

    assertThat(b.get("/chat-logs?minutes=1440").ok().getJsonArray("items")).isEmpty();
    assertThat(b.get("/usage").ok().getJsonArray("items")).isEmpty();
    b.header("x-client-id", "chat-logs-a").get("/chat-logs").problem(403);
  }

  @Test
  void theVoiceServerMayChatButNotReadLogsOrUsage() {
    Api voice = Api.as(Tokens.service()).header("x-client-id", "chat-voice");
    tenant("chat-voice");
    try (ModelStub model = new ModelStub("marker:chat-voice")) {
      model.always(answer("はい", 1, 1));
      assertThat(
              voice
                  .post("/chat", chat("0300000001", "x", "CAaccess-voice"))
                  .ok()
                  .getString("reply"))
          .isEqualTo("はい");
    }
    voice.get("/chat-logs").problem(403);
    voice.get("/usage").problem(403);
  }

  @Test
  void badInputIsA400NamingTheField() {
    Api owner = Api.as(Tokens.person("chat-bad"));
    assertThat(owner.post("/chat", "{\"user_text\": \"x\"}").problem(400).getString("error"))
        .contains("phone_number");
    assertThat(owner.post("/chat", "{\"phone_number\": \"03\"}").problem(400).getString("error"))
        .contains("user_text");
    assertThat(
            owner
                .post("/chat", "{\"phone_number\": 3, \"user_text\": \"x\"}")
                .problem(400)
                .getString("error"))
        .contains("phone_number");
    owner.post("/chat", "[1]").problem(400);
    assertThat(owner.get("/chat-logs?limit=0").problem(400).getString("error")).contains("limit");
    assertThat(owner.get("/chat-logs?minutes=1441").problem(400).getString("error"))
        .contains("minutes");
    assertThat(owner.get("/chat-logs?startTimeMs=abc").problem(400).getString("error"))
        .contains("startTimeMs");
    assertThat(owner.get("/usage?from=yesterday").problem(400).getString("error")).contains("from");
    owner.get("/usage?from=2025-02-02&to=2025-02-01").problem(400);
  }
}
