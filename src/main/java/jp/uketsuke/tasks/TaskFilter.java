package jp.uketsuke.tasks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import jp.uketsuke.platform.ApiException;

/**
 * Which tasks a listing shows, and in which order. Filters are applied to items as read, not in
 * DynamoDB, because items of other writers may hold phone numbers in any form (both sides are
 * compared normalised) and a start only as text (read the same way {@code start_at} is).
 *
 * @param phone a normalised phone number, or null for all
 * @param status a status, or null for all
 * @param from the earliest start, inclusive: a task is in if any of it lies at or after its first
 *     instant (a task with a date only lasts the whole day), or null
 * @param to the latest start, inclusive: a date includes its whole day; or null
 * @param sort by name (DynamoDB's order) or by {@code start_at}, tasks without one last
 */
public record TaskFilter(
    String phone, TaskStatus status, TaskStart from, TaskStart to, Sort sort, boolean descending) {
  public static final TaskFilter ALL = new TaskFilter(null, null, null, null, Sort.NAME, false);

  /** The orders a listing can have. */
  public enum Sort {
    NAME,
    START_AT
  }

  /** Tasks of one phone (any form) and status, in name order. */
  public static TaskFilter of(String phone, String status) {
    return new TaskFilter(phone(phone), status(status), null, null, Sort.NAME, false);
  }

  /**
   * From query parameters; a malformed one is a 400 naming it. {@code from} and {@code to} are read
   * like a task's start, relative to {@code today}, but must name a day.
   */
  public static TaskFilter of(
      String phone,
      String status,
      String from,
      String to,
      String sort,
      String order,
      ZoneId zone,
      LocalDate today) {
    return new TaskFilter(
        phone(phone),
        status(status),
        bound(from, "from", zone, today),
        bound(to, "to", zone, today),
        sort(sort),
        descending(order));
  }

  /** Phone and status; the start range is {@link #inRange}. */
  public boolean matches(Task task) {
    if (phone != null && !phone.equals(TaskFields.phone(task.phoneNumber()))) {
      return false;
    }
    return status == null || status == task.taskStatus();
  }

  /** Whether a task that starts so lies in the range; without a range every task does. */
  public boolean inRange(TaskStart start) {
    if (from == null && to == null) {
      return true;
    }
    return start.read()
        && (from == null || !start.last().isBefore(from.first()))
        && (to == null || !start.first().isAfter(to.last()));
  }

  /** What a paging token is bound to, so it cannot continue a listing with other filters. */
  public String fingerprint() {
    return "tasks|"
        + phone
        + "|"
        + status
        + "|"
        + (from == null ? null : from.first())
        + "|"
        + (to == null ? null : to.last())
        + "|"
        + sort
        + "|"
        + (descending ? "desc" : "asc");
  }

  private static String phone(String phone) {
    if (phone != null && phone.isBlank()) {
      throw ApiException.badRequest("phone must not be blank.");
    }
    return phone == null ? null : TaskFields.phone(phone);
  }

  private static TaskStatus status(String status) {
    return status == null ? null : TaskFields.status(status);
  }

  private static TaskStart bound(String value, String name, ZoneId zone, LocalDate today) {
    if (value == null || value.isBlank()) {
      return null;
    }
    TaskStart start = StartDatetimes.read(value, today, zone);
    if (!start.read()) {
      throw ApiException.badRequest(
          name + " must be a date like 2026-12-24, 2026-12-24 19:00 or 2026-12-24T19:00:00+09:00.");
    }
    return start;
  }

  private static Sort sort(String sort) {
    if (sort == null || sort.equals("name")) {
      return Sort.NAME;
    }
    if (sort.equals("start_at")) {
      return Sort.START_AT;
    }
    throw ApiException.badRequest("sort must be name or start_at.");
  }

  private static boolean descending(String order) {
    if (order == null) {
      return false;
    }
    return switch (order.strip().toLowerCase(Locale.ROOT)) {
      case "asc" -> false;
      case "desc" -> true;
      default -> throw ApiException.badRequest("order must be asc or desc.");
    };
  }
}
