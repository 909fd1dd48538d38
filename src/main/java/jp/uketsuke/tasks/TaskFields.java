package jp.uketsuke.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.uketsuke.calls.PhoneNumbers;
import jp.uketsuke.platform.ApiException;

/** The rules a task's fields follow on write; old items are read as they are. */
final class TaskFields {
  static final int MAX_NAME_LENGTH = 200;
  private static final Pattern DATETIME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?: (\\d{2}:\\d{2}))?");

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

  /** {@code YYYY-MM-DD} or {@code YYYY-MM-DD HH:MM}, a real date and time; null stays null. */
  static String startDatetime(String raw, String field) {
    if (raw == null) {
      return null;
    }
    String value = raw.strip();
    Matcher matcher = DATETIME.matcher(value);
    try {
      if (matcher.matches()) {
        LocalDate.parse(matcher.group(1));
        if (matcher.group(2) != null) {
          LocalTime.parse(matcher.group(2));
        }
        return value;
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw ApiException.badRequest(field + " must be YYYY-MM-DD or YYYY-MM-DD HH:MM.");
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
