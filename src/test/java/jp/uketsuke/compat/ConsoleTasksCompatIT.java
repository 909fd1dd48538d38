package jp.uketsuke.compat;

import static jp.uketsuke.compat.ConsoleTasks.path;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The admin console's task page, unchanged: it lists with {@code GET /tasks}, edits with {@code PUT
 * /task/{name}} sending every field back as it read it (absent ones as {@code ""}), and shows the
 * {@code error} of a failed answer. Tasks the voice server wrote must stay editable (issue #13).
 */
class ConsoleTasksCompatIT {
  private static final String CREATED = "2026-12-04T14:05:00.123456+00:00";

  @Test
  void editingAVoiceServerTaskSendsEveryFieldBackChangesOnlyRequestAndKeepsTheRestAsWritten() {
    String tenant = "compat-console-edit";
    VoiceServerTasks.put(
        tenant,
        VoiceServerTasks.task("佐藤様", "松の剪定", "12月24日(水) 午後7時半", "+81 90-1111-2222", "", CREATED));
    Api console = Api.as(Tokens.person(tenant));
    JsonObject read = ConsoleTasks.listed(console, "佐藤様");

    JsonObject item =
        console
            .put(path("佐藤様"), ConsoleTasks.edit(read, "request", "松と生垣の剪定"))
            .ok()
            .getJsonObject("item");

    assertThat(item.getString("request")).isEqualTo("松と生垣の剪定");
    assertThat(item.getString("start_datetime")).isEqualTo("12月24日(水) 午後7時半");
    assertThat(item.getString("start_at")).isEqualTo("2026-12-24T19:30:00+09:00");
    assertThat(item.getString("phone_number")).isEqualTo("+81 90-1111-2222");
    assertThat(item.getString("address")).isEmpty();
    assertThat(item.getString("created_at")).isEqualTo(CREATED);
    assertThat(item.getString("updated_at")).isGreaterThan(CREATED);
    Map<String, AttributeValue> stored = VoiceServerTasks.stored(tenant, "佐藤様");
    assertThat(stored.get("request").s()).isEqualTo("松と生垣の剪定");
    assertThat(stored.get("start_datetime").s()).isEqualTo("12月24日(水) 午後7時半");
    assertThat(stored.get("start_at").s()).isEqualTo("2026-12-24T19:30:00+09:00");
    assertThat(stored.get("phone_number").s()).isEqualTo("+81 90-1111-2222");
    assertThat(console.get(path("佐藤様")).ok().getJsonObject("item")).isEqualTo(item);
  }

  @Test
  void anEditKeepsAStartNoCalendarCanReadWhenItIsSentBackUnchanged() {
    String tenant = "compat-console-vague";
    VoiceServerTasks.put(
        tenant, VoiceServerTasks.task("鈴木様", "剪定", "来週のどこか", "090 1111 2222", "港区", CREATED));
    Api console = Api.as(Tokens.person(tenant));

    JsonObject item =
        console
            .put(
                path("鈴木様"),
                ConsoleTasks.edit(ConsoleTasks.listed(console, "鈴木様"), "request", "剪定と消毒"))
            .ok()
            .getJsonObject("item");

    assertThat(item.getString("request")).isEqualTo("剪定と消毒");
    assertThat(item.getString("start_datetime")).isEqualTo("来週のどこか");
    assertThat(item.containsKey("start_at")).isFalse();
    assertThat(item.getString("phone_number")).isEqualTo("090 1111 2222");
    assertThat(VoiceServerTasks.stored(tenant, "鈴木様").containsKey("start_at")).isFalse();
  }

  @Test
  void theLegacyFieldNamesTheConsoleReadsMaySpeakAlongsideButTheContractsNamesWin() {
    String tenant = "compat-console-legacy";
    VoiceServerTasks.put(
        tenant,
        VoiceServerTasks.task("田中様", "草刈り", "12月24日 19時", "+81 90-3333-4444", "港区", CREATED));
    Api console = Api.as(Tokens.person(tenant));
    JsonObject read = ConsoleTasks.listed(console, "田中様");
    String body =
        Json.createObjectBuilder(
                Json.createReader(
                        new java.io.StringReader(ConsoleTasks.edit(read, "request", "草刈りと剪定")))
                    .readObject())
            .add("requirement", "")
            .add("start_date", "")
            .add("phone", "")
            .build()
            .toString();

    JsonObject item = console.put(path("田中様"), body).ok().getJsonObject("item");

    assertThat(item.getString("request")).isEqualTo("草刈りと剪定");
    assertThat(item.getString("start_datetime")).isEqualTo("12月24日 19時");
    assertThat(item.getString("phone_number")).isEqualTo("+81 90-3333-4444");
  }

  @Test
  void aNewStartThatIsNotADateIsRefusedWithAnErrorTheConsoleShowsAndNothingChanges() {
    String tenant = "compat-console-refused";
    VoiceServerTasks.put(
        tenant, VoiceServerTasks.task("高橋様", "剪定", "12月24日 19時", "09011112222", "港区", CREATED));
    Api console = Api.as(Tokens.person(tenant));
    JsonObject read = ConsoleTasks.listed(console, "高橋様");

    for (String bad : new String[] {"松の剪定", "12月32日", "12月24日 25時"}) {
      JsonObject problem =
          console.put(path("高橋様"), ConsoleTasks.edit(read, "start_datetime", bad)).problem(400);
      assertThat(problem.getString("error")).contains("start_datetime");
    }

    assertThat(console.get(path("高橋様")).ok().getJsonObject("item")).isEqualTo(read);
  }

  @Test
  void theConsolesOwnTasksGoThroughListCreateEditWithEveryFieldAndDelete() {
    Api console = Api.as(Tokens.person("compat-console-own"));
    assertThat(console.get("/tasks").ok().getJsonArray("items")).isEmpty();

    JsonObject created =
        console
            .post(
                "/task",
                Json.createObjectBuilder()
                    .add("name", "伊藤様 12/24")
                    .add("phone_number", "090-5555-6666")
                    .add("address", "")
                    .add("start_datetime", "2026-12-24 19:00")
                    .add("request", "剪定")
                    .build()
                    .toString())
            .ok()
            .getJsonObject("item");
    assertThat(created.getString("phone_number")).isEqualTo("09055556666");
    assertThat(created.containsKey("address")).isFalse();
    assertThat(created.getString("start_at")).isEqualTo("2026-12-24T19:00:00+09:00");

    JsonObject read = ConsoleTasks.listed(console, "伊藤様 12/24");
    assertThat(read).isEqualTo(created);
    JsonObject edited =
        console
            .put(path("伊藤様 12/24"), ConsoleTasks.edit(read, "start_datetime", "2026/12/25 10:00"))
            .ok()
            .getJsonObject("item");
    assertThat(edited.getString("start_datetime")).isEqualTo("2026/12/25 10:00");
    assertThat(edited.getString("start_at")).isEqualTo("2026-12-25T10:00:00+09:00");
    assertThat(edited.getString("request")).isEqualTo("剪定");
    assertThat(edited.containsKey("address")).isFalse();

    JsonObject again =
        console
            .put(path("伊藤様 12/24"), ConsoleTasks.edit(edited, "address", "東京都港区"))
            .ok()
            .getJsonObject("item");
    assertThat(again.getString("address")).isEqualTo("東京都港区");
    assertThat(again.getString("start_at")).isEqualTo("2026-12-25T10:00:00+09:00");

    assertThat(console.delete(path("伊藤様 12/24")).ok().getBoolean("ok")).isTrue();
    console.get(path("伊藤様 12/24")).problem(404);
    assertThat(console.delete(path("伊藤様 12/24")).problem(404).getString("error")).isNotBlank();
    assertThat(console.get("/tasks").ok().getJsonArray("items")).isEmpty();
  }
}
