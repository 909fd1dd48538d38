package jp.uketsuke.tasks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** The local day of a stored timestamp, whoever wrote it; a timestamp without offset is UTC. */
final class TaskDays {
  private TaskDays() {}

  static Optional<LocalDate> dayOf(String timestamp, ZoneId zone) {
    if (timestamp == null || timestamp.isBlank()) {
      return Optional.empty();
    }
    String text = timestamp.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
    try {
      return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate());
    } catch (DateTimeException e) {
      // try without an offset below
    }
    try {
      return Optional.of(
          LocalDateTime.parse(text).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
