package jp.uketsuke.tasks;

import static jp.uketsuke.tasks.TaskPaths.json;
import static jp.uketsuke.tasks.TaskPaths.task;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** {@code POST /task}, {@code GET|PUT|DELETE /task/{name}}: shapes, aliases, rules, 404/409. */
class TasksIT {

  @Test
  void aTaskCreatedWithAliasesIsStoredUnderTheContractsNamesWithDefaults() {
    Api owner = Api.as(Tokens.person("tasks-create"));
    JsonObject item =
        owner
            .post(
                "/task",
                json(
                    Map.of(
                        "name", "山田様 剪定",
                        "phone", "+81 90-1234-5678",
                        "address", "東京都港区1-2-3",
                        "start_date", "2025-10-01 10:30",
                        "requirement", "松の剪定",
                        "callSid", "CA123")))
            .ok()
            .getJsonObject("item");

    assertThat(item.getString("name")).isEqualTo("山田様 剪定");
    assertThat(item.getString("phone_number")).isEqualTo("09012345678");
    assertThat(item.getString("start_datetime")).isEqualTo("2025-10-01 10:30");
    assertThat(item.getString("request")).isEqualTo("松の剪定");
    assertThat(item.getString("status")).isEqualTo("requested");
    assertThat(item.getString("call_sid")).isEqualTo("CA123");
    assertThat(item.getString("created_by")).startsWith("user-");
    assertThat(item.getString("created_at")).matches("\\d{4}-.*\\.\\d{6}\\+00:00");
    assertThat(item.containsKey("phone")).isFalse();
    assertThat(owner.get(task("山田様 剪定")).ok().getJsonObject("item")).isEqualTo(item);
  }

  @Test
  void creatingANameThatExistsIs409AndKeepsTheFirstTask() {
    Api owner = Api.as(Tokens.person("tasks-409"));
    owner.post("/task", json(Map.of("name", "草刈り", "address", "first"))).ok();

    JsonObject problem =
        owner.post("/task", json(Map.of("name", "草刈り", "address", "second"))).problem(409);

    assertThat(problem.getString("error")).contains("草刈り");
    assertThat(owner.get(task("草刈り")).ok().getJsonObject("item").getString("address"))
        .isEqualTo("first");
  }

  @Test
  void namesWithJapaneseSpacesAndSlashesRoundTripThroughThePercentEncodedPath() {
    Api owner = Api.as(Tokens.person("tasks-names"));
    for (String name : List.of("佐藤 様/2025/10/01", "a/b", "with space", "100% ?#")) {
      owner.post("/task", json(Map.of("name", name))).ok();
      assertThat(owner.get(task(name)).ok().getJsonObject("item").getString("name"))
          .isEqualTo(name);
      JsonObject updated = owner.put(task(name), json(Map.of("address", "x"))).ok();
      assertThat(updated.getJsonObject("item").getString("name")).isEqualTo(name);
      owner.delete(task(name)).ok();
      owner.get(task(name)).problem(404);
    }
  }

  @Test
  void getPutAndDeleteOfAMissingTaskAre404() {
    Api owner = Api.as(Tokens.person("tasks-404"));
    owner.get(task("ない")).problem(404);
    owner.put(task("ない"), json(Map.of("address", "x"))).problem(404);
    owner.delete(task("ない")).problem(404);
    owner.get(task("ない")).problem(404);
  }

  @Test
  void anUpdateChangesOnlyTheFieldsItNamesAndAcceptsAliases() {
    Api owner = Api.as(Tokens.person("tasks-partial"));
    owner
        .post("/task", json(Map.of("name", "t", "phone_number", "0311112222", "address", "a")))
        .ok();

    JsonObject item =
        owner
            .put(task("t"), json(Map.of("requirement", "生垣", "start_date", "2025-11-02")))
            .ok()
            .getJsonObject("item");
    assertThat(item.getString("request")).isEqualTo("生垣");
    assertThat(item.getString("start_datetime")).isEqualTo("2025-11-02");
    assertThat(item.getString("address")).isEqualTo("a");
    assertThat(item.getString("phone_number")).isEqualTo("0311112222");
    assertThat(item.getString("updated_at")).isGreaterThan(item.getString("created_at"));

    Map<String, String> removeAddress = new HashMap<>();
    removeAddress.put("address", null);
    removeAddress.put("phone", "03-9999-0000");
    item = owner.put(task("t"), json(removeAddress)).ok().getJsonObject("item");
    assertThat(item.containsKey("address")).isFalse();
    assertThat(item.getString("phone_number")).isEqualTo("0399990000");
    owner.put(task("t"), json(Map.of("name", "renamed"))).problem(400);
    owner.put(task("t"), "{}").problem(400);
  }

  @Test
  void statusMovesFromRequestedToConfirmedToDoneAndNeverBack() {
    Api owner = Api.as(Tokens.person("tasks-status"));
    owner.post("/task", json(Map.of("name", "s"))).ok();

    owner.put(task("s"), json(Map.of("status", "done"))).problem(409);
    assertThat(status(owner.put(task("s"), json(Map.of("status", "confirmed"))).ok()))
        .isEqualTo("confirmed");
    assertThat(status(owner.put(task("s"), json(Map.of("status", "done"))).ok())).isEqualTo("done");
    JsonObject problem = owner.put(task("s"), json(Map.of("status", "cancelled"))).problem(409);
    assertThat(problem.getString("error")).contains("done", "cancelled");
    owner.put(task("s"), json(Map.of("status", "requested"))).problem(409);
    owner.put(task("s"), json(Map.of("status", "finished"))).problem(400);
    assertThat(status(owner.get(task("s")).ok())).isEqualTo("done");

    owner.post("/task", json(Map.of("name", "c", "status", "confirmed"))).ok();
    assertThat(status(owner.put(task("c"), json(Map.of("status", "cancelled"))).ok()))
        .isEqualTo("cancelled");
    owner.put(task("c"), json(Map.of("status", "confirmed"))).problem(409);
  }

  @Test
  void aNewStartDatetimeIsRefusedOnlyWhenItIsNotADateAtAllOrAnImpossibleOne() {
    Api owner = Api.as(Tokens.person("tasks-dates"));
    for (String bad :
        List.of("2025-13-01", "2025-10-01 25:00", "2月30日", "12月24日 25時", "松の剪定", "soon")) {
      JsonObject problem =
          owner.post("/task", json(Map.of("name", "d", "start_datetime", bad))).problem(400);
      assertThat(problem.getString("error")).contains("start_datetime");
    }
    owner.get(task("d")).problem(404);
    owner.post("/task", json(Map.of("name", "d", "start_datetime", "2025-10-01"))).ok();
    owner.put(task("d"), json(Map.of("start_date", "松の剪定"))).problem(400);
    owner.put(task("d"), json(Map.of("start_date", "2025-10-32"))).problem(400);
    assertThat(owner.get(task("d")).ok().getJsonObject("item").getString("start_datetime"))
        .isEqualTo("2025-10-01");
  }

  @Test
  void startDatetimeIsKeptAsWrittenAndStartAtSaysWhatItMeansInTokyoTime() {
    Api owner = Api.as(Tokens.person("tasks-start-at"));
    Map<String, String> written =
        Map.of(
            "2025/10/01", "2025-10-01T00:00:00+09:00",
            "2025-10-01T10:00", "2025-10-01T10:00:00+09:00",
            "2025年10月1日 午後7時半", "2025-10-01T19:30:00+09:00",
            "２０２５年１０月１日　１９：３０", "2025-10-01T19:30:00+09:00",
            "2025-10-01 10:30", "2025-10-01T10:30:00+09:00");
    int i = 0;
    for (Map.Entry<String, String> entry : written.entrySet()) {
      String name = "s" + i++;
      JsonObject created =
          owner
              .post("/task", json(Map.of("name", name, "start_date", entry.getKey())))
              .ok()
              .getJsonObject("item");
      assertThat(created.getString("start_datetime")).isEqualTo(entry.getKey().strip());
      assertThat(created.getString("start_at")).isEqualTo(entry.getValue());
      assertThat(owner.get(task(name)).ok().getJsonObject("item")).isEqualTo(created);
    }

    JsonObject vague =
        owner.put(task("s0"), json(Map.of("start_datetime", "来週のどこか"))).ok().getJsonObject("item");
    assertThat(vague.getString("start_datetime")).isEqualTo("来週のどこか");
    assertThat(vague.containsKey("start_at")).isFalse();
    JsonObject cleared =
        owner.put(task("s1"), json(Map.of("start_datetime", ""))).ok().getJsonObject("item");
    assertThat(cleared.containsKey("start_datetime")).isFalse();
    assertThat(cleared.containsKey("start_at")).isFalse();
  }

  @Test
  void malformedBodiesAre400NamingTheField() {
    Api owner = Api.as(Tokens.person("tasks-bad"));
    owner.post("/task", "{not json").problem(400);
    owner.post("/task", "[]").problem(400);
    assertThat(owner.post("/task", "{}").problem(400).getString("error")).contains("name");
    assertThat(owner.post("/task", "{\"name\": \"  \"}").problem(400).getString("error"))
        .contains("name");
    assertThat(owner.post("/task", "{\"name\": 12}").problem(400).getString("error"))
        .contains("name");
    assertThat(
            owner
                .post("/task", "{\"name\": \"n\", \"phone\": 9012345678}")
                .problem(400)
                .getString("error"))
        .contains("phone");
    owner.put(task("n"), "{bad").problem(400);
    assertThat(owner.get("/tasks").ok().getJsonArray("items")).isEmpty();
  }

  private static String status(JsonObject reply) {
    return reply.getJsonObject("item").getString("status");
  }
}
