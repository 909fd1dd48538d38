package jp.uketsuke.recordings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A per-tenant setting written as {@code tenant=value,tenant2=value2}, the form an environment
 * variable can carry. Blank entries are skipped; an entry without {@code =} is a configuration
 * mistake the service refuses at start rather than guessing.
 */
final class TenantMap {
  private TenantMap() {}

  static Map<String, String> parse(Optional<String> raw, String property) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : raw.orElse("").split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalStateException(property + " entries must be tenant=value: " + entry);
      }
      values.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
    }
    return Map.copyOf(values);
  }
}
