package jp.uketsuke.compat;

import static jp.uketsuke.compat.ConsoleTasks.path;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tasks the production voice server writes straight into {@code app-tasks} (issue #13): this
 * service lists and shows them as written, with {@code start_at} read from their text.
 */
class VoiceServerTasksCompatIT {
  private static final String CREATED = "2026-12-04T14:05:00.123456+00:00";

  @Test
  void aTaskTheVoiceServerPutIsListedAndShownAsWrittenWithStartAtReadFromItsText() {
    String tenant = "compat-voice-put";
    VoiceServerTasks.put(
        tenant,
        VoiceServerTasks.task(
            "山田様 剪定", "松の剪定", "12月24日 19時", "+81 90-1111-2222", "東京都港区1-2-3", CREATED));
    Api console = Api.as(Tokens.person(tenant));

    JsonObject listed = ConsoleTasks.listed(console, "山田様 剪定");
    assertThat(listed.getString("phone_number")).isEqualTo("+81 90-1111-2222");
    assertThat(listed.getString("address")).isEqualTo("東京都港区1-2-3");
    assertThat(listed.getString("start_datetime")).isEqualTo("12月24日 19時");
    assertThat(listed.getString("start_at")).isEqualTo("2026-12-24T19:00:00+09:00");
    assertThat(listed.getString("request")).isEqualTo("松の剪定");
    assertThat(listed.getString("created_at")).isEqualTo(CREATED);
    assertThat(listed.getString("updated_at")).isEqualTo(CREATED);
    assertThat(listed.getString("status")).isEqualTo("requested");
    assertThat(console.get(path("山田様 剪定")).ok().getJsonObject("item")).isEqualTo(listed);
    assertThat(console.get("/tasks?phone=09011112222").ok().getJsonArray("items")).hasSize(1);
  }

  @Test
  void aDateWithoutYearIsTheNextOneOnOrAfterTheDayTheTaskWasCreated() {
    String tenant = "compat-voice-years";
    String lateDecember = "2026-12-28T01:00:00.000001+00:00";
    List<String[]> spoken =
        List.of(
            new String[] {"january", "1月8日 午前10時", "2027-01-08T10:00:00+09:00"},
            new String[] {"same-day", "12月28日(月) 午後7時半", "2026-12-28T19:30:00+09:00"},
            new String[] {"full-width", "１２月３０日　１９：３０", "2026-12-30T19:30:00+09:00"},
            new String[] {"with-year", "2027年3月1日 9:00", "2027-03-01T09:00:00+09:00"},
            new String[] {"day-only", "2026-12-31", "2026-12-31T00:00:00+09:00"});
    for (String[] task : spoken) {
      VoiceServerTasks.put(
          tenant, VoiceServerTasks.task(task[0], "点検", task[1], "09000000000", "", lateDecember));
    }
    Api console = Api.as(Tokens.person(tenant));

    for (String[] task : spoken) {
      JsonObject item = console.get(path(task[0])).ok().getJsonObject("item");
      assertThat(item.getString("start_datetime")).as(task[1]).isEqualTo(task[1]);
      assertThat(item.getString("start_at")).as(task[1]).isEqualTo(task[2]);
    }
  }

  @Test
  void whenTheVoiceServerChangesStartDatetimeAloneStartAtFollowsTheNewText() {
    String tenant = "compat-voice-update";
    VoiceServerTasks.put(
        tenant, VoiceServerTasks.task("予約", "草刈り", "12月24日 19時", "090-1111-2222", "港区", CREATED));
    Api console = Api.as(Tokens.person(tenant));
    console
        .put(path("予約"), ConsoleTasks.edit(ConsoleTasks.listed(console, "予約"), "request", "生垣"))
        .ok();
    assertThat(VoiceServerTasks.stored(tenant, "予約").get("start_at").s())
        .isEqualTo("2026-12-24T19:00:00+09:00");

    String later = "2026-12-05T09:00:00.654321+00:00";
    VoiceServerTasks.update(tenant, "予約", Map.of("start_datetime", "12月25日 午後3時"), later);

    JsonObject item = console.get(path("予約")).ok().getJsonObject("item");
    assertThat(item.getString("start_datetime")).isEqualTo("12月25日 午後3時");
    assertThat(item.getString("start_at")).isEqualTo("2026-12-25T15:00:00+09:00");
    assertThat(item.getString("request")).isEqualTo("生垣");
    assertThat(item.getString("updated_at")).isEqualTo(later);
    assertThat(ConsoleTasks.listed(console, "予約").getString("start_at"))
        .isEqualTo("2026-12-25T15:00:00+09:00");
  }

  @Test
  void aStartNoCalendarCanReadIsListedWithoutStartAtAndSortsLast() {
    String tenant = "compat-voice-vague";
    VoiceServerTasks.put(
        tenant, VoiceServerTasks.task("a-vague", "剪定", "来週のどこか", "09011112222", "港区", CREATED));
    VoiceServerTasks.put(
        tenant, VoiceServerTasks.task("b-dated", "剪定", "12月10日 10時", "09011112222", "港区", CREATED));
    Api console = Api.as(Tokens.person(tenant));

    JsonObject vague = console.get(path("a-vague")).ok().getJsonObject("item");
    assertThat(vague.getString("start_datetime")).isEqualTo("来週のどこか");
    assertThat(vague.containsKey("start_at")).isFalse();
    assertThat(
            console.get("/tasks?sort=start_at").ok().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("name"))
                .toList())
        .containsExactly("b-dated", "a-vague");
  }

  @Test
  void everyStoredShapeIsReadableNoneFailsTheListing() {
    String tenant = "compat-voice-shapes";
    Map<String, Map<String, AttributeValue>> odd = new HashMap<>();
    odd.put("number-start", Map.of("start_datetime", AttributeValue.fromN("20261224")));
    odd.put("empty-start", Map.of("start_datetime", AttributeValue.fromS("")));
    odd.put("no-created", Map.of("start_datetime", AttributeValue.fromS("12月24日")));
    odd.put(
        "bad-created",
        Map.of(
            "start_datetime", AttributeValue.fromS("12月24日 19時"),
            "created_at", AttributeValue.fromS("yesterday")));
    odd.put(
        "naive-created",
        Map.of(
            "start_datetime", AttributeValue.fromS("1月2日"),
            "created_at", AttributeValue.fromS("2026-12-04 14:05:00")));
    odd.put("impossible", Map.of("start_datetime", AttributeValue.fromS("2月30日 25時")));
    odd.put("bool-address", Map.of("address", AttributeValue.fromBool(true)));
    odd.put("null-phone", Map.of("phone_number", AttributeValue.fromNul(true)));
    odd.put("map-request", Map.of("request", AttributeValue.fromM(Map.of())));
    odd.put("odd-status", Map.of("status", AttributeValue.fromS("maybe")));
    odd.forEach(
        (name, attributes) -> {
          Map<String, AttributeValue> item = new HashMap<>(attributes);
          item.put("client_id", AttributeValue.fromS(tenant));
          item.put("name", AttributeValue.fromS(name));
          RawDynamo.client().putItem(b -> b.tableName(RawDynamo.table("tasks")).item(item));
        });
    Api console = Api.as(Tokens.person(tenant));

    assertThat(console.get("/tasks").ok().getJsonArray("items")).hasSize(odd.size());
    assertThat(console.get("/tasks?sort=start_at&order=desc").ok().getJsonArray("items"))
        .hasSize(odd.size());
    for (String name : odd.keySet()) {
      assertThat(console.get(path(name)).ok().getJsonObject("item").getString("name"))
          .isEqualTo(name);
    }
    assertThat(console.get(path("naive-created")).ok().getJsonObject("item").getString("start_at"))
        .isEqualTo("2027-01-02T00:00:00+09:00");
    assertThat(console.get(path("bad-created")).ok().getJsonObject("item").getString("start_at"))
        .endsWith("-12-24T19:00:00+09:00");
    assertThat(console.get(path("impossible")).ok().getJsonObject("item").containsKey("start_at"))
        .isFalse();
  }
}
