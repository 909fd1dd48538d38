package jp.uketsuke.compat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import jp.uketsuke.testing.Api;

/** What the admin console sends for tasks, built the way it builds it. */
final class ConsoleTasks {
  /** The fields of the console's task form. */
  static final List<String> FORM =
      List.of("name", "phone_number", "address", "start_datetime", "request");

  private ConsoleTasks() {}

  /** {@code encodeURIComponent(name)}. */
  static String path(String name) {
    return "/task/" + Console.encodeURIComponent(name);
  }

  /** The item as {@code GET /tasks} listed it. */
  static JsonObject listed(Api console, String name) {
    return console.get("/tasks").ok().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(item -> name.equals(item.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not listed: " + name));
  }

  /**
   * The edit form's body: every field as read (absent ones as {@code ""}), the timestamps it got,
   * and the one change the person made.
   */
  static String edit(JsonObject read, String field, String value) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    for (String name : FORM) {
      body.add(name, name.equals(field) ? value : read.getString(name, ""));
    }
    body.add("created_at", read.getString("created_at", ""));
    body.add("updated_at", read.getString("updated_at", ""));
    return body.build().toString();
  }
}
