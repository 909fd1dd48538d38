package jp.uketsuke.tasks;

import jp.uketsuke.calls.PhoneNumbers;
import jp.uketsuke.platform.ApiException;

/** The rules a task's fields follow on write; old items are read as they are. */
final class TaskFields {
  static final int MAX_NAME_LENGTH = 200;

  private TaskFields() {}

  static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw ApiException.badRequest("name must be a non-blank string.");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw ApiException.badRequest("name must have at most " + MAX_NAME_LENGTH + " characters.");
    }
    return name;
  }

  /**
   * A new {@code start_datetime}: kept as written (trimmed), refused only when it is not a date at
   * all or names an impossible one. Text that speaks of a time without naming a day ({@code
   * 来週のどこか}) is kept, without {@code start_at}.
   */
  static String startDatetime(String value, TaskStart reading) {
    if (value == null) {
      return null;
    }
    if (reading.refused()) {
      throw ApiException.badRequest(
          "start_datetime is not a date: write it like 2026-12-24 19:00 or 12月24日 19時.");
    }
    return value.strip();
  }

  static TaskStatus status(String raw) {
    return TaskStatus.fromWire(raw == null ? null : raw.strip())
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "status must be one of " + TaskStatus.allowedValues() + "."));
  }

  static String phone(String raw) {
    String phone = PhoneNumbers.normalize(raw);
    return phone == null || phone.isEmpty() ? null : phone;
  }

  /** Blank optional text is treated as absent, so it is not stored. */
  static String text(String raw) {
    return raw == null || raw.isBlank() ? null : raw;
  }
}
