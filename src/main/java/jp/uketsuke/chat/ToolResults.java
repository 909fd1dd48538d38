package jp.uketsuke.chat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import jp.uketsuke.tasks.Task;

/**
 * The JSON a tool answers the model with: {@code {ok: true, ...}} or {@code {ok: false, error}}.
 */
final class ToolResults {
  private ToolResults() {}

  static JsonObject error(String message) {
    return Json.createObjectBuilder().add("ok", false).add("error", message).build();
  }

  static JsonObject item(Task task) {
    return Json.createObjectBuilder().add("ok", true).add("item", task(task)).build();
  }

  static JsonObject items(List<Task> tasks) {
    var array = Json.createArrayBuilder();
    tasks.forEach(task -> array.add(task(task)));
    return Json.createObjectBuilder().add("ok", true).add("items", array).build();
  }

  static JsonObject task(Task task) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("name", task.name());
    add(json, "phone_number", task.phoneNumber());
    add(json, "address", task.address());
    add(json, "start_datetime", task.startDatetime());
    add(json, "request", task.request());
    add(json, "status", task.status());
    add(json, "call_sid", task.callSid());
    return json.build();
  }

  private static void add(JsonObjectBuilder json, String field, String value) {
    if (value != null) {
      json.add(field, value);
    }
  }
}
