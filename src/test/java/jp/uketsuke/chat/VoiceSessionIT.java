package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.TASK_TOOLS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

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
