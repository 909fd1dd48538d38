package jp.uketsuke.tasks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a reservation stands. It moves forward only: requested → confirmed → done, and a task that
 * is not finished may be cancelled. Old items have no status and count as requested.
 */
public enum TaskStatus {
  REQUESTED,
  CONFIRMED,
  DONE,
  CANCELLED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TaskStatus> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }

  /** Staying where one is counts as allowed, so repeating an update is harmless. */
  public boolean canMoveTo(TaskStatus next) {
    return this == next || successors().contains(next);
  }

  private Set<TaskStatus> successors() {
    return switch (this) {
      case REQUESTED -> Set.of(CONFIRMED, CANCELLED);
      case CONFIRMED -> Set.of(DONE, CANCELLED);
      case DONE, CANCELLED -> Set.of();
    };
  }

  public static String allowedValues() {
    return String.join(", ", Arrays.stream(values()).map(TaskStatus::wire).toList());
  }
}
