package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.TASK_TOOLS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The voice server's {@code /session-config} and {@code /tools/{name}/invoke}. */
class VoiceSessionIT {

  @Test
  void theSessionConfigCarriesPromptFaqAndFlatToolsAndItsVersionFollowsChanges() {
    Api owner = Api.as(Tokens.person("voice-session"));
    Api voice = Api.as(Tokens.service()).header("x-client-id", "voice-session");
    owner.put("/prompt", "{\"content\": \"あなたは受付です。\"}").ok();
    owner.put("/func-config", TASK_TOOLS).ok();
    owner.post("/faq", "{\"question\": \"営業時間は\", \"answer\": \"9時から18時です\"}").ok();

    JsonObject config = voice.get("/session-config?phone=09012345678&call_sid=CAs").ok();
    assertThat(config.getString("instructions"))
        .startsWith("あなたは受付です。")
        .contains("営業時間は", "9時から18時です", "Use the task tools.");
    List<JsonObject> tools = config.getJsonArray("tools").getValuesAs(JsonObject.class);
    assertThat(tools).extracting(t -> t.getString("name")).contains("create_task", "list_tasks");
    JsonObject create = tools.get(0);
    assertThat(create.getString("type")).isEqualTo("function");
    assertThat(create.containsKey("function")).isFalse();
    assertThat(create.getJsonObject("parameters").getString("type")).isEqualTo("object");
    String version = config.getString("version");
    assertThat(voice.get("/session-config").ok().getString("version")).isEqualTo(version);

    owner.put("/prompt", "{\"content\": \"新しい指示\"}").ok();
    assertThat(voice.get("/session-config").ok().getString("version")).isNotEqualTo(version);
  }

  @Test
  void aTenantWithMoreThanKFaqsStartsSessionsWithItsKMostUsedAndNoOtherTenantsFaqs() {
    Api owner = Api.as(Tokens.person("voice-topk"));
    Api voice = Api.as(Tokens.service()).header("x-client-id", "voice-topk");
    owner.put("/prompt", "{\"content\": \"受付です。\"}").ok();
    for (int i = 10; i < 22; i++) {
      owner.post("/faq", "{\"question\": \"質問" + i + "\", \"answer\": \"答え" + i + "\"}").ok();
    }
    // Uses as the service counts them, on the FAQ items; the two most used sort last by question.
    useCount("voice-topk", "質問21", 7);
    useCount("voice-topk", "質問20", 3);
    useCount("voice-topk", "質問11", 1);
    Api.as(Tokens.person("voice-topk-other"))
        .post("/faq", "{\"question\": \"他社の質問\", \"answer\": \"他社の答え\"}")
        .ok();

    String instructions =
        voice.get("/session-config?phone=0311112222").ok().getString("instructions");
    List<String> questions =
        instructions.lines().filter(l -> l.startsWith("Q: ")).map(l -> l.substring(3)).toList();
    // k = 8: the used ones by count, then the unused in question order.
    assertThat(questions)
        .containsExactly("質問21", "質問20", "質問11", "質問10", "質問12", "質問13", "質問14", "質問15");
    assertThat(instructions).startsWith("受付です。").contains("答え21").doesNotContain("他社");

    String others =
        Api.as(Tokens.service())
            .header("x-client-id", "voice-topk-other")
            .get("/session-config")
            .ok()
            .getString("instructions");
    assertThat(others).contains("他社の質問").doesNotContain("質問21");
    Api.as(Tokens.person("voice-topk"))
        .header("x-client-id", "voice-topk-other")
        .get("/session-config")
        .problem(403);
  }

  private static void useCount(String tenant, String question, int count) {
    RawDynamo.client()
        .updateItem(
            b ->
                b.tableName(RawDynamo.table("faq"))
                    .key(
                        Map.of(
                            "client_id", AttributeValue.fromS(tenant),
                            "question", AttributeValue.fromS(question)))
                    .updateExpression("SET use_count = :n")
                    .expressionAttributeValues(
                        Map.of(":n", AttributeValue.fromN(Integer.toString(count)))));
  }

  @Test
  void anInvokedTaskToolActsForTheNamedCallerOnly() {
    Api owner = Api.as(Tokens.person("voice-invoke"));
    Api voice = Api.as(Tokens.service()).header("x-client-id", "voice-invoke");
    owner.put("/func-config", TASK_TOOLS).ok();
    owner.post("/task", "{\"name\": \"other\", \"phone_number\": \"0300000009\"}").ok();

    JsonObject created =
        voice
            .post(
                "/tools/create_task/invoke",
                "{\"arguments\": {\"name\": \"電話で予約\", \"phone_number\": \"0300000009\"},"
                    + " \"phone_number\": \"+81 90 5555 0000\", \"call_sid\": \"CAinv\"}")
            .ok();
    assertThat(created.getJsonObject("result").getBoolean("ok")).isTrue();
    JsonObject task = owner.get("/task/" + ChatIT.enc("電話で予約")).ok().getJsonObject("item");
    assertThat(task.getString("phone_number")).isEqualTo("09055550000");
    assertThat(task.getString("call_sid")).isEqualTo("CAinv");

    JsonObject got =
        voice
            .post(
                "/tools/get_task/invoke",
                "{\"arguments\": \"{\\\"name\\\": \\\"other\\\"}\", \"phone_number\": \"09055550000\"}")
            .ok()
            .getJsonObject("result");
    assertThat(got.getBoolean("ok")).isFalse();
    voice.post("/tools/no_such_tool/invoke", "{\"phone_number\": \"09055550000\"}").problem(404);
    voice.post("/tools/list_tasks/invoke", "{\"arguments\": {}}").problem(400);
    Api.anonymous().post("/tools/list_tasks/invoke", "{}").problem(401);
    Api.anonymous().get("/session-config").problem(401);
  }
}
