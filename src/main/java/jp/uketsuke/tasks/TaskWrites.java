package jp.uketsuke.tasks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.uketsuke.platform.ApiException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The attributes a create or an update writes, after the field rules and status transitions. */
final class TaskWrites {
  private TaskWrites() {}

  static Map<String, String> forCreate(TaskDraft draft, String createdBy, String now) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", TaskFields.name(draft.name()));
    putPresent(fields, "phone_number", TaskFields.phone(draft.phoneNumber()));
    putPresent(fields, "address", TaskFields.text(draft.address()));
    putPresent(
        fields,
        "start_datetime",
        TaskFields.startDatetime(TaskFields.text(draft.startDatetime()), "start_datetime"));
    putPresent(fields, "request", TaskFields.text(draft.request()));
    TaskStatus status =
        draft.status() == null ? TaskStatus.REQUESTED : TaskFields.status(draft.status());
    fields.put("status", status.wire());
    putPresent(fields, "call_sid", TaskFields.text(draft.callSid()));
    putPresent(fields, "created_by", createdBy);
    fields.put("created_at", now);
    fields.put("updated_at", now);
    return fields;
  }

  /** Field → new value, null meaning "remove"; a forbidden status move is a 409. */
  static Map<String, String> forUpdate(Task current, TaskChanges changes) {
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, String> change : changes.values().entrySet()) {
      String field = change.getKey();
      String raw = change.getValue();
      values.put(
          field,
          switch (field) {
            case "phone_number" -> TaskFields.phone(raw);
            case "start_datetime" -> TaskFields.startDatetime(TaskFields.text(raw), field);
            case "status" -> nextStatus(current, raw).wire();
            default -> TaskFields.text(raw);
          });
    }
    return values;
  }

  private static TaskStatus nextStatus(Task current, String raw) {
    if (raw == null) {
      throw ApiException.badRequest("status cannot be removed.");
    }
    TaskStatus next = TaskFields.status(raw);
    if (!current.taskStatus().canMoveTo(next)) {
      throw new TaskException.Transition(current.taskStatus(), next);
    }
    return next;
  }

  static Task asTask(Map<String, String> fields) {
    Map<String, AttributeValue> item = new HashMap<>();
    fields.forEach((field, value) -> item.put(field, AttributeValue.fromS(value)));
    return TaskItems.task(item);
  }

  private static void putPresent(Map<String, String> fields, String field, String value) {
    if (value != null) {
      fields.put(field, value);
    }
  }
}
