package jp.uketsuke.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the tables hold them: ISO-8601 UTC with {@code +00:00}. Old items have seconds
 * ({@code 2025-10-01T12:34:56+00:00}), the voice server writes microseconds ({@code
 * 2025-11-11T14:20:08.123456+00:00}); in that one offset both sort correctly as strings, so
 * everything this service writes uses it too, at microsecond precision.
 */
public final class Timestamps {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private Timestamps() {}

  /** Now, at microsecond precision. */
  public static String now(Clock clock) {
    return format(clock.instant());
  }

  public static String now() {
    return now(Clock.systemUTC());
  }

  public static String format(Instant instant) {
    return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
  }

  /** The form old items used, for bounds that must sort before every item of that second. */
  public static String formatSeconds(Instant instant) {
    return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /**
   * Reads what clients send: a full timestamp with any offset or {@code Z}, or a date ({@code
   * 2025-10-01}, meaning its start in UTC).
   *
   * @throws ApiException 400 naming the parameter
   */
  public static Instant parse(String value, String parameter) {
    String text = value == null ? "" : value.strip();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          parameter + " must be an ISO-8601 date or timestamp, e.g. 2025-10-01T12:34:56+00:00.");
    }
  }
}
