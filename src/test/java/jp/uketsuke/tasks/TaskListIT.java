package jp.uketsuke.tasks;

import static jp.uketsuke.tasks.TaskPaths.json;
import static jp.uketsuke.tasks.TaskPaths.task;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@code GET /tasks}: complete for old clients, paged and filtered for new ones; legacy items. */
class TaskListIT {

  @Test
  void withoutParametersAll250TasksAreListedNotJustTheFirst200() {
    String tenant = "tasks-250";
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      items.add(legacy(tenant, String.format("task-%03d", i), "090-0000-%04d".formatted(i)));
    }
    writeRaw(items);

    JsonObject listing = Api.as(Tokens.person(tenant)).get("/tasks").ok();

    assertThat(listing.getJsonArray("items")).hasSize(250);
    assertThat(listing.containsKey("next_token")).isFalse();
    assertThat(listing.getJsonArray("items").getJsonObject(249).getString("name"))
        .isEqualTo("task-249");
  }

  @Test
  void pagesWithLimitAndNextTokenVisitEveryTaskOnceAndTokensAreBoundToTenantAndQuery() {
    String tenant = "tasks-paged";
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      items.add(legacy(tenant, "p" + (char) ('a' + i), null));
    }
    writeRaw(items);
    Api owner = Api.as(Tokens.person(tenant));

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String query = "/tasks?limit=5" + (token == null ? "" : "&next_token=" + enc(token));
      JsonObject page = owner.get(query).ok();
      page.getJsonArray("items")
          .getValuesAs(JsonObject.class)
          .forEach(t -> seen.add(t.getString("name")));
      token = page.getString("next_token", null);
      pages++;
    } while (token != null);

    assertThat(seen).hasSize(23).doesNotHaveDuplicates().isSorted();
    assertThat(pages).isEqualTo(5);
    String first = owner.get("/tasks?limit=5").ok().getString("next_token");
    owner.get("/tasks?limit=5&next_token=" + enc(first) + "x").problem(400);
    owner.get("/tasks?limit=5&status=done&next_token=" + enc(first)).problem(400);
    Api.as(Tokens.person("tasks-paged-other")).get("/tasks?next_token=" + enc(first)).problem(400);
    owner.get("/tasks?limit=abc").problem(400);
    owner.get("/tasks?limit=0").problem(400);
  }

  @Test
  void filtersByNormalisedPhoneStatusAndStartDatetimeRange() {
    String tenant = "tasks-filter";
    writeRaw(List.of(legacyWithDate(tenant, "legacy", "090-1111-2222", "2025-10-01 09:00")));
    Api owner = Api.as(Tokens.person(tenant));
    owner
        .post(
            "/task",
            json(Map.of("name", "new", "phone", "09011112222", "start_date", "2025-10-02")))
        .ok();
    owner
        .post(
            "/task",
            json(
                Map.of(
                    "name",
                    "other",
                    "phone",
                    "0300000000",
                    "start_date",
                    "2025-10-03 18:00",
                    "status",
                    "confirmed")))
        .ok();
    owner.post("/task", json(Map.of("name", "undated"))).ok();

    assertThat(names(owner, "/tasks?phone=" + enc("+81 90-1111-2222")))
        .containsExactly("legacy", "new");
    assertThat(names(owner, "/tasks?status=confirmed")).containsExactly("other");
    assertThat(names(owner, "/tasks?status=requested")).containsExactly("legacy", "new", "undated");
    assertThat(names(owner, "/tasks?from=2025-10-02")).containsExactly("new", "other");
    assertThat(names(owner, "/tasks?to=2025-10-02")).containsExactly("legacy", "new");
    assertThat(names(owner, "/tasks?from=" + enc("2025-10-01 10:00") + "&to=2025-10-03"))
        .containsExactly("new", "other");
    assertThat(names(owner, "/tasks?phone=0300000000&limit=1")).containsExactly("other");
    owner.get("/tasks?status=maybe").problem(400);
    owner.get("/tasks?from=yesterday").problem(400);
  }

  @Test
  void legacyItemsAreReadAsTheOldSystemWroteThemAndCanMoveThroughStatuses() {
    String tenant = "tasks-legacy";
    writeRaw(List.of(legacyWithDate(tenant, "旧予約", "090-1234-5678", "2025-09-30 14:00")));
    Api owner = Api.as(Tokens.person(tenant));

    JsonObject item = owner.get(task("旧予約")).ok().getJsonObject("item");
    assertThat(item.getString("phone_number")).isEqualTo("090-1234-5678");
    assertThat(item.getString("status")).isEqualTo("requested");
    assertThat(item.getString("created_at")).isEqualTo("2025-09-01T12:34:56+00:00");
    assertThat(item.containsKey("created_by")).isFalse();

    item = owner.put(task("旧予約"), json(Map.of("status", "confirmed"))).ok().getJsonObject("item");
    assertThat(item.getString("status")).isEqualTo("confirmed");
    assertThat(item.getString("request")).isEqualTo("庭木の剪定");
    owner.post("/task", json(Map.of("name", "旧予約"))).problem(409);
  }

  @Test
  void sortsByStartAtEitherWayWithTasksWithoutOneLastAndPagesInThatOrder() {
    String tenant = "tasks-sorted";
    String december = "2026-12-04T14:05:00.123456+00:00";
    writeRaw(
        List.of(
            spoken(tenant, "a-christmas-eve", "12月24日 19時", december),
            spoken(tenant, "b-january", "1月8日 午前10時", december),
            spoken(tenant, "c-vague", "来週のどこか", december),
            spoken(tenant, "d-early", "2026-12-10", december),
            legacy(tenant, "e-none", null)));
    Api owner = Api.as(Tokens.person(tenant));

    List<String> ascending =
        List.of("d-early", "a-christmas-eve", "b-january", "c-vague", "e-none");
    assertThat(names(owner, "/tasks?sort=start_at")).isEqualTo(ascending);
    assertThat(names(owner, "/tasks?sort=start_at&order=asc")).isEqualTo(ascending);
    assertThat(names(owner, "/tasks?sort=start_at&order=desc"))
        .containsExactly("b-january", "a-christmas-eve", "d-early", "c-vague", "e-none");
    assertThat(names(owner, "/tasks?sort=name&order=desc"))
        .containsExactly("e-none", "d-early", "c-vague", "b-january", "a-christmas-eve");
    assertThat(names(owner, "/tasks?sort=start_at&from=2026-12-24&to=2027-01-31"))
        .containsExactly("a-christmas-eve", "b-january");

    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      String query =
          "/tasks?sort=start_at&limit=2" + (token == null ? "" : "&next_token=" + enc(token));
      JsonObject page = owner.get(query).ok();
      page.getJsonArray("items")
          .getValuesAs(JsonObject.class)
          .forEach(t -> seen.add(t.getString("name")));
      token = page.getString("next_token", null);
    } while (token != null);
    assertThat(seen).isEqualTo(ascending);

    String first = owner.get("/tasks?sort=start_at&limit=2").ok().getString("next_token");
    owner.get("/tasks?limit=2&next_token=" + enc(first)).problem(400);
    owner.get("/tasks?sort=when").problem(400);
    owner.get("/tasks?sort=start_at&order=up").problem(400);
    owner.get("/tasks?from=" + enc("来週")).problem(400);
  }

  private static List<String> names(Api api, String path) {
    return api.get(path).ok().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(t -> t.getString("name"))
        .toList();
  }

  /** An item as the old backend wrote it: five text fields and a seconds timestamp. */
  static Map<String, AttributeValue> legacy(String tenant, String name, String phone) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", AttributeValue.fromS(tenant));
    item.put("name", AttributeValue.fromS(name));
    item.put("address", AttributeValue.fromS("東京都"));
    item.put("request", AttributeValue.fromS("庭木の剪定"));
    item.put("created_at", AttributeValue.fromS("2025-09-01T12:34:56+00:00"));
    if (phone != null) {
      item.put("phone_number", AttributeValue.fromS(phone));
    }
    return item;
  }

  /** An item as the voice server puts it: every value a string, as the model said it. */
  private static Map<String, AttributeValue> spoken(
      String tenant, String name, String start, String createdAt) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", AttributeValue.fromS(tenant));
    item.put("name", AttributeValue.fromS(name));
    item.put("request", AttributeValue.fromS("剪定"));
    item.put("start_datetime", AttributeValue.fromS(start));
    item.put("phone_number", AttributeValue.fromS("+81 90-1111-2222"));
    item.put("address", AttributeValue.fromS("東京都"));
    item.put("created_at", AttributeValue.fromS(createdAt));
    item.put("updated_at", AttributeValue.fromS(createdAt));
    return item;
  }

  private static Map<String, AttributeValue> legacyWithDate(
      String tenant, String name, String phone, String start) {
    Map<String, AttributeValue> item = legacy(tenant, name, phone);
    item.put("start_datetime", AttributeValue.fromS(start));
    return item;
  }

  static void writeRaw(List<Map<String, AttributeValue>> items) {
    for (int i = 0; i < items.size(); i += 25) {
      List<WriteRequest> batch =
          items.subList(i, Math.min(i + 25, items.size())).stream()
              .map(
                  item ->
                      WriteRequest.builder()
                          .putRequest(PutRequest.builder().item(item).build())
                          .build())
              .toList();
      var response =
          RawDynamo.client()
              .batchWriteItem(b -> b.requestItems(Map.of(RawDynamo.table("tasks"), batch)));
      assertThat(response.unprocessedItems()).isEmpty();
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
