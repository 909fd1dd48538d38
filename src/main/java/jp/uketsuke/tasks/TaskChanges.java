package jp.uketsuke.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A partial update: only the fields it names change. A field mapped to null is removed from the
 * task; {@code name} and the bookkeeping fields cannot be changed.
 */
public record TaskChanges(Map<String, String> values) {
  /** The wire names of the fields an update may touch. */
  public static final Set<String> FIELDS =
      Set.of("phone_number", "address", "start_datetime", "request", "status", "call_sid");

  public TaskChanges {
    for (String field : values.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("not an updatable task field: " + field);
      }
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static TaskChanges of(String field, String value) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(field, value);
    return new TaskChanges(values);
  }

  public boolean has(String field) {
    return values.containsKey(field);
  }

  public String get(String field) {
    return values.get(field);
  }
}
