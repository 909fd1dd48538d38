package jp.uketsuke.tasks;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.BodyFields;

/**
 * Request bodies of the task routes, with the aliases old clients send ({@code phone}, {@code
 * start_date}, {@code requirement}, {@code callSid}); the contract's name wins when both are sent.
 *
 * <p>No Bean Validation here: the console sends every field back on edit (absent ones as {@code
 * ""}) and a value sent back as stored must never be refused, so the field rules ({@link
 * TaskWrites}) need the stored task and the tenant's zone, and the assistant's task tools go
 * through the same rules.
 */
final class TaskInput {
  private static final Map<String, String> ALIASES =
      Map.of(
          "phone_number", "phone",
          "start_datetime", "start_date",
          "request", "requirement",
          "call_sid", "callSid");

  private TaskInput() {}

  static TaskDraft draft(JsonValue body) {
    JsonObject json = object(body);
    return new TaskDraft(
        field(json, "name"),
        field(json, "phone_number"),
        field(json, "address"),
        field(json, "start_datetime"),
        field(json, "request"),
        field(json, "status"),
        field(json, "call_sid"));
  }

  /**
   * The fields a PUT names; {@code null} removes one. A {@code name} other than the path's is
   * refused (tasks are not renamed); bookkeeping fields a console sends back are ignored.
   */
  static TaskChanges changes(String name, JsonValue body) {
    JsonObject json = object(body);
    String bodyName = field(json, "name");
    if (bodyName != null && !bodyName.strip().equals(name.strip())) {
      throw ApiException.badRequest("name cannot be changed; create a new task instead.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : TaskChanges.FIELDS) {
      String present = presentName(json, field);
      if (present != null) {
        values.put(field, field(json, field));
      }
    }
    if (values.isEmpty()) {
      throw ApiException.badRequest(
          "Send at least one of " + String.join(", ", TaskChanges.FIELDS) + ".");
    }
    return new TaskChanges(values);
  }

  private static JsonObject object(JsonValue body) {
    if (body instanceof JsonObject json) {
      return json;
    }
    throw ApiException.badRequest("The request body must be a JSON object.");
  }

  /** The string under the field's name or alias; null when absent or JSON null. */
  private static String field(JsonObject json, String field) {
    String present = presentName(json, field);
    return present == null ? null : BodyFields.string(json, present);
  }

  private static String presentName(JsonObject json, String field) {
    if (json.containsKey(field)) {
      return field;
    }
    String alias = ALIASES.get(field);
    return alias != null && json.containsKey(alias) ? alias : null;
  }
}
