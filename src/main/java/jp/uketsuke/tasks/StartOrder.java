package jp.uketsuke.tasks;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The order of {@code sort=start_at}: tasks with a readable start by it (ascending or descending),
 * then those without one, each group by name. A page ends at a position, not an offset, so tasks
 * added or removed meanwhile neither repeat nor push others out of the next page.
 */
final class StartOrder {
  private StartOrder() {}

  /** A task as listed: its start read once. */
  record Dated(Task task, TaskStart start) {
    Position position() {
      return new Position(start.read() ? start.first() : null, task.name());
    }
  }

  /** Where a task sits in the order; {@code at} null for a task without a readable start. */
  record Position(Instant at, String name) {
    /** The fields a page token carries. */
    Map<String, String> fields() {
      Map<String, String> fields = new HashMap<>();
      fields.put("name", name);
      if (at != null) {
        fields.put("start_at", at.toString());
      }
      return fields;
    }

    static Position of(Map<String, String> fields) {
      String at = fields.get("start_at");
      return new Position(at == null ? null : Instant.parse(at), fields.get("name"));
    }
  }

  static Comparator<Position> positions(boolean descending) {
    Comparator<Instant> instants =
        descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    return Comparator.comparing(Position::at, Comparator.nullsLast(instants))
        .thenComparing(Position::name);
  }

  static Comparator<Dated> dated(boolean descending) {
    return Comparator.comparing(Dated::position, positions(descending));
  }
}
