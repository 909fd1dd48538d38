package jp.uketsuke.tasks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import jp.uketsuke.platform.ApiException;

/**
 * The attributes a create or an update writes, after the field rules and status transitions. Both
 * write {@code start_at} beside {@code start_datetime}, read in the tenant's zone relative to the
 * day the task was created.
 */
final class TaskWrites {
  private TaskWrites() {}

  static Map<String, String> forCreate(TaskDraft draft, String createdBy, String now, ZoneId zone) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", TaskFields.name(draft.name()));
    putPresent(fields, "phone_number", TaskFields.phone(draft.phoneNumber()));
    putPresent(fields, "address", TaskFields.text(draft.address()));
    String start = TaskFields.text(draft.startDatetime());
    LocalDate today = TaskDays.dayOf(now, zone).orElseThrow();
    TaskStart reading = StartDatetimes.read(start, today, zone);
    putPresent(fields, "start_datetime", TaskFields.startDatetime(start, reading));
    putPresent(fields, "start_at", reading.startAt());
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

  /**
   * Field → new value, null meaning "remove"; a forbidden status move is a 409. A field sent back
   * as it is stored (the console sends every field, absent ones as {@code ""}) is no change, so it
   * is neither checked nor rewritten: what another writer stored stays editable as it is.
   *
   * @param today the tenant's day, for tasks that do not say when they were created
   */
  static Map<String, String> forUpdate(
      Task current, TaskChanges changes, ZoneId zone, LocalDate today) {
    LocalDate created =
        TaskDays.dayOf(current.createdAt(), zone)
            .or(() -> TaskDays.dayOf(current.updatedAt(), zone))
            .orElse(today);
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, String> change : changes.values().entrySet()) {
      String field = change.getKey();
      String raw = change.getValue();
      if (unchanged(current, field, raw)) {
        continue;
      }
      values.put(
          field,
          switch (field) {
            case "phone_number" -> TaskFields.phone(raw);
            case "start_datetime" -> newStart(raw, created, zone);
            case "status" -> nextStatus(current, raw).wire();
            default -> TaskFields.text(raw);
          });
    }
    String start =
        values.containsKey("start_datetime")
            ? values.get("start_datetime")
            : current.startDatetime();
    values.put("start_at", StartDatetimes.read(start, created, zone).startAt());
    return values;
  }

  private static String newStart(String raw, LocalDate created, ZoneId zone) {
    String start = TaskFields.text(raw);
    return TaskFields.startDatetime(start, StartDatetimes.read(start, created, zone));
  }

  /** Sent as stored: the same text, or blank for a field the task does not have. */
  private static boolean unchanged(Task current, String field, String raw) {
    if (field.equals("status") && raw != null && raw.isBlank()) {
      return true; // a form that knows no status sends it empty: that is no request to change it
    }
    String stored =
        switch (field) {
          case "phone_number" -> current.phoneNumber();
          case "address" -> current.address();
          case "start_datetime" -> current.startDatetime();
          case "request" -> current.request();
          case "status" -> current.status();
          case "call_sid" -> current.callSid();
          default -> null;
        };
    return Objects.equals(strip(raw), strip(stored));
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
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

  private static void putPresent(Map<String, String> fields, String field, String value) {
    if (value != null) {
      fields.put(field, value);
    }
  }
}
