package jp.uketsuke.calls;

import java.time.Instant;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Timestamps;

/**
 * An inclusive range of log timestamps as key bounds; either end may be open (null).
 *
 * @param lower smallest stored {@code ts} inside the range, or null
 * @param upper largest stored {@code ts} inside the range, or null
 */
record TimeRange(String lower, String upper) {
  static final TimeRange ALL = new TimeRange(null, null);

  /** From the {@code from}/{@code to} parameters, in any ISO-8601 form. */
  static TimeRange of(String from, String to) {
    Instant start = blank(from) ? null : Timestamps.parse(from.replace(' ', '+'), "from");
    Instant end = blank(to) ? null : Timestamps.parse(to.replace(' ', '+'), "to");
    if (start != null && end != null && start.isAfter(end)) {
      throw ApiException.badRequest("from must not be after to.");
    }
    return new TimeRange(
        start == null ? null : LogTimes.lowerBound(start),
        end == null ? null : LogTimes.upperBound(end));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
