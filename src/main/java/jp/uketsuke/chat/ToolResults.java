package jp.uketsuke.chat;

import static jp.uketsuke.platform.Jsonp.JSON;

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
    return JSON.createObjectBuilder().add("ok", false).add("error", message).build();
  }

  static JsonObject item(Task task) {
    return JSON.createObjectBuilder().add("ok", true).add("item", task(task)).build();
  }

  static JsonObject items(List<Task> tasks) {
    var array = JSON.createArrayBuilder();
    tasks.forEach(task -> array.add(task(task)));
    return JSON.createObjectBuilder().add("ok", true).add("items", array).build();
  }

  static JsonObject task(Task task) {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("name", task.name());
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
