package jp.uketsuke.tasks;

import jp.uketsuke.platform.ApiException;

/**
 * Which tasks a listing shows. Filters are applied to items as read, not in DynamoDB, because old
 * items may hold phone numbers in any form: both sides are compared normalised.
 *
 * @param phone a normalised phone number, or null for all
 * @param status a status, or null for all
 * @param from the earliest {@code start_datetime} ({@code YYYY-MM-DD} or with time), inclusive
 * @param to the latest {@code start_datetime}, inclusive (a date includes its whole day)
 */
public record TaskFilter(String phone, TaskStatus status, String from, String to) {
  public static final TaskFilter ALL = new TaskFilter(null, null, null, null);

  /** From query parameters; a malformed one is a 400 naming it. */
  public static TaskFilter of(String phone, String status, String from, String to) {
    if (phone != null && phone.isBlank()) {
      throw ApiException.badRequest("phone must not be blank.");
    }
    return new TaskFilter(
        phone == null ? null : TaskFields.phone(phone),
        status == null ? null : TaskFields.status(status),
        TaskFields.startDatetime(from, "from"),
        TaskFields.startDatetime(to, "to"));
  }

  public boolean matches(Task task) {
    if (phone != null && !phone.equals(TaskFields.phone(task.phoneNumber()))) {
      return false;
    }
    if (status != null && status != task.taskStatus()) {
      return false;
    }
    if (from == null && to == null) {
      return true;
    }
    String start = task.startDatetime();
    return start != null
        && (from == null || compareOnCommonLength(start, from) >= 0)
        && (to == null || compareOnCommonLength(start, to) <= 0);
  }

  /** What a paging token is bound to, so it cannot continue a listing with other filters. */
  public String fingerprint() {
    return "tasks|" + phone + "|" + status + "|" + from + "|" + to;
  }

  /**
   * A date-only value and a date with time compare on the date alone, so {@code to=2025-10-01}
   * includes {@code 2025-10-01 18:00} and a task on {@code 2025-10-01} is inside {@code
   * from=2025-10-01 09:00}.
   */
  private static int compareOnCommonLength(String value, String bound) {
    int length = Math.min(value.length(), bound.length());
    return value.substring(0, length).compareTo(bound.substring(0, length));
  }
}
