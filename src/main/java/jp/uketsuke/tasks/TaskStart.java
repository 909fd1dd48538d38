package jp.uketsuke.tasks;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a task's {@code start_datetime} text says: a moment, a whole day, or nothing readable. Only
 * {@link Kind#NOT_A_DATE} and {@link Kind#IMPOSSIBLE} are refused, and only as a new value.
 *
 * @param at the start in the tenant's zone (a day's start when {@code allDay}), null unless read
 */
public record TaskStart(Kind kind, ZonedDateTime at, boolean allDay) {
  private static final DateTimeFormatter ISO_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  /** How the text was understood. */
  public enum Kind {
    /** No text: the task has no start. */
    EMPTY,
    /** A date, with or without a time. */
    READ,
    /** Talks about a date or time but names no day ({@code 来週のどこか}, {@code 午前10時}). */
    VAGUE,
    /** A date's shape with values no calendar has ({@code 2025-13-01}, {@code 25時}). */
    IMPOSSIBLE,
    /** Nothing in it speaks of a date or time. */
    NOT_A_DATE
  }

  public static TaskStart of(Kind kind) {
    return new TaskStart(kind, null, false);
  }

  public boolean read() {
    return kind == Kind.READ;
  }

  /** Whether a client may not set this as a new value. */
  public boolean refused() {
    return kind == Kind.NOT_A_DATE || kind == Kind.IMPOSSIBLE;
  }

  /** ISO 8601 with the zone's offset and seconds, {@code 2026-12-24T19:00:00+09:00}, or null. */
  public String startAt() {
    return at == null ? null : ISO_SECONDS.format(at);
  }

  /** The first instant the start covers. */
  public Instant first() {
    return at.toInstant();
  }

  /** The last instant it covers: the moment itself, or the end of its day. */
  public Instant last() {
    if (!allDay) {
      return at.toInstant();
    }
    return at.toLocalDate().plusDays(1).atStartOfDay(at.getZone()).toInstant().minusNanos(1);
  }
}
