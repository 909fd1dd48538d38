package jp.uketsuke.calls;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import jp.uketsuke.platform.Timestamps;

/**
 * Timestamps as keys of {@code app-logs}. Stored values are UTC with {@code +00:00}, in seconds or
 * microseconds; because {@code +} sorts before {@code .}, a seconds value sorts before every value
 * with a fraction in the same second, so string order is time order. Bounds are chosen so that both
 * forms of an instant fall inside an inclusive range.
 */
final class LogTimes {
  private static final Pattern STORED_FORM =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?\\+00:00");

  private LogTimes() {}

  /**
   * The stored form of a timestamp the client sends: kept as is when already in UTC {@code +00:00}
   * (so keys written by other systems are found again), otherwise converted to UTC at the precision
   * the client used.
   */
  static String stored(String raw, String field) {
    // A '+' in an unencoded query string arrives as a space.
    String text = raw.strip().replace(' ', '+');
    Instant instant = Timestamps.parse(text, field);
    if (STORED_FORM.matcher(text).matches()) {
      return text;
    }
    return text.indexOf('.') < 0 && instant.getNano() == 0
        ? Timestamps.formatSeconds(instant)
        : Timestamps.format(instant);
  }

  /** The smallest key value at or after the instant, whatever its precision. */
  static String lowerBound(Instant from) {
    return from.truncatedTo(ChronoUnit.SECONDS).equals(from)
        ? Timestamps.formatSeconds(from)
        : Timestamps.format(from);
  }

  /** The largest key value at or before the instant, whatever its precision. */
  static String upperBound(Instant to) {
    return Timestamps.format(to);
  }

  /** One microsecond later, for a generated key that collided with one written at the same time. */
  static String after(String ts) {
    String now = Timestamps.now();
    return now.compareTo(ts) > 0
        ? now
        : Timestamps.format(Timestamps.parse(ts, "ts").plusNanos(1000));
  }

  /**
   * The instant of a stored value, whoever wrote it: {@code +00:00} or {@code Z}, with or without a
   * fraction, and Python's naive {@code isoformat()} read as UTC; null when it is no timestamp.
   * Truncated to microseconds, the finest precision any writer uses.
   */
  static Instant instantOf(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(stored).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(stored).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
      } catch (DateTimeParseException notATimestamp) {
        return null;
      }
    }
  }

  /**
   * The key value every spelling of the instant's second sorts at or after ({@code
   * 2026-12-04T14:05:00} precedes {@code ...:00+00:00}, {@code ...:00.5+00:00} and {@code
   * ...:00Z}), and no value of an earlier second does.
   */
  static String secondPrefix(Instant instant) {
    return Timestamps.formatSeconds(instant).substring(0, 19);
  }
}
