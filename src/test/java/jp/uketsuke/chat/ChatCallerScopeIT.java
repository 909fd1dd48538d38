package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.TASK_TOOLS;
import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ChatIT.toolContents;
import static jp.uketsuke.chat.ModelStub.answer;
import static jp.uketsuke.chat.ModelStub.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import jp.uketsuke.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Task tools act for the turn's caller only: another caller's task is invisible and untouchable.
 */
class ChatCallerScopeIT {

  @Test
  void callerXCannotSeeChangeOrCancelCallerYsTaskThroughTheModel() {
    Api owner = tenant("chat-scope");
    owner.put("/func-config", TASK_TOOLS).ok();
    owner
        .post(
            "/task",
            "{\"name\": \"Y予約\", \"phone_number\": \"090-0000-0002\", \"address\": \"Y宅\"}")
        .ok();
    owner.post("/task", "{\"name\": \"X予約\", \"phone_number\": \"09000000001\"}").ok();
    try (ModelStub model = new ModelStub("marker:chat-scope")) {
      model.inTurn(
          toolCalls(
              "get_task", "{\"name\": \"Y予約\"}",
              "update_task", "{\"name\": \"Y予約\", \"address\": \"hijacked\"}",
              "delete_task", "{\"name\": \"Y予約\"}",
              "list_tasks", "{}"),
          answer("確認しました。", 1, 1));
      owner.post("/chat", chat("+81 90 0000 0001", "Yさんの予約を変えて", null)).ok();

      List<String> results = toolContents(model.requests().get(1));
      assertThat(results).hasSize(4);
      assertThat(results.subList(0, 3))
          .allSatisfy(r -> assertThat(r).contains("\"ok\":false").doesNotContain("Y宅"));
      assertThat(results.get(0)).isEqualTo(toolMissing());
      assertThat(results.get(3)).contains("X予約").doesNotContain("Y予約");
    }
    JsonObject y = owner.get("/task/" + ChatIT.enc("Y予約")).ok().getJsonObject("item");
    assertThat(y.getString("address")).isEqualTo("Y宅");
    assertThat(y.getString("status")).isEqualTo("requested");
  }

  @Test
  void aCallerWithAWithheldNumberGetsNoTasksAtAll() {
    Api owner = tenant("chat-scope-unknown");
    owner.put("/func-config", TASK_TOOLS).ok();
    owner.post("/task", "{\"name\": \"someone\", \"phone_number\": \"unknown\"}").ok();
    try (ModelStub model = new ModelStub("marker:chat-scope-unknown")) {
      model.inTurn(toolCalls("list_tasks", "{}"), answer("ok", 1, 1));
      owner.post("/chat", chat("unknown", "予約一覧", null)).ok();
      assertThat(toolContents(model.requests().get(1)))
          .singleElement()
          .asString()
          .contains("\"ok\":false")
          .doesNotContain("someone");
    }
  }

  private static String toolMissing() {
    return "{\"ok\":false,\"error\":\"No task named \\\"Y予約\\\".\"}";
  }
}
