package jp.uketsuke.tasks;

import static jp.uketsuke.tasks.TaskPaths.json;
import static jp.uketsuke.tasks.TaskPaths.task;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Who may do what with tasks: the tenant matrix, the voice server's rights, the audit trail. */
class TaskAccessIT {

  @Test
  void anotherTenantGets404AndAnEmptyListAndNeverTheTask() {
    Api a = Api.as(Tokens.person("tasks-a"));
    Api b = Api.as(Tokens.person("tasks-b"));
    a.post("/task", json(Map.of("name", "秘密の予約", "address", "A's secret address"))).ok();

    assertThat(b.get(task("秘密の予約")).problem(404).toString()).doesNotContain("secret");
    b.put(task("秘密の予約"), json(Map.of("address", "hijacked"))).problem(404);
    b.delete(task("秘密の予約")).problem(404);
    assertThat(b.get("/tasks").ok().getJsonArray("items")).isEmpty();
    assertThat(b.get("/tasks?limit=10").body()).doesNotContain("secret");
    b.header("x-client-id", "tasks-a").get("/tasks").problem(403);

    assertThat(a.get(task("秘密の予約")).ok().getJsonObject("item").getString("address"))
        .isEqualTo("A's secret address");
  }

  @Test
  void theVoiceServerCreatesAndUpdatesTasksOfTheTenantItNamesButCannotDeleteThem() {
    Api voice = Api.as(Tokens.service()).header("x-client-id", "tasks-voice");
    JsonObject item =
        voice
            .post("/task", json(Map.of("name", "電話予約", "phone", "090-5555-6666")))
            .ok()
            .getJsonObject("item");
    assertThat(item.getString("created_by")).isNotBlank().doesNotStartWith("user-");
    voice.put(task("電話予約"), json(Map.of("status", "confirmed"))).ok();
    assertThat(voice.get("/tasks").ok().getJsonArray("items")).hasSize(1);

    voice.delete(task("電話予約")).problem(403);
    Api owner = Api.as(Tokens.person("tasks-voice"));
    assertThat(owner.get(task("電話予約")).ok().getJsonObject("item").getString("status"))
        .isEqualTo("confirmed");
    owner.delete(task("電話予約")).ok();
    Api.as(Tokens.service()).get("/tasks").problem(401);
  }

  @Test
  void withoutAValidTokenEveryTaskRouteIs401() {
    Api nobody = Api.anonymous();
    Api forged = Api.as(Tokens.signWithUnknownKey(Tokens.idToken("tasks-a")));
    for (Api api : List.of(nobody, forged)) {
      api.get("/tasks").problem(401);
      api.post("/task", json(Map.of("name", "x"))).problem(401);
      api.get(task("x")).problem(401);
      api.put(task("x"), json(Map.of("address", "y"))).problem(401);
      api.delete(task("x")).problem(401);
    }
  }

  @Test
  void createUpdateAndDeleteAreAuditedWithBeforeAndAfter() {
    Api owner = Api.as(Tokens.person("tasks-audit"));
    owner.post("/task", json(Map.of("name", "監査", "start_date", "2025-10-01"))).ok();
    owner.put(task("監査"), json(Map.of("status", "confirmed"))).ok();
    owner.delete(task("監査")).ok();

    List<JsonObject> entries =
        owner.get("/audit").ok().getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(entries)
        .extracting(e -> e.getString("action"))
        .containsExactly("task.delete", "task.update", "task.create");
    assertThat(entries).allSatisfy(e -> assertThat(e.getString("key")).isEqualTo("監査"));
    JsonObject update = entries.get(1);
    assertThat(update.getString("before")).contains("\"status\":\"requested\"");
    assertThat(update.getString("after")).contains("\"status\":\"confirmed\"", "2025-10-01");
    assertThat(entries.get(0).getString("before")).contains("confirmed");
    assertThat(entries.get(0).containsKey("after")).isFalse();
    assertThat(entries.get(2).containsKey("before")).isFalse();
  }
}
