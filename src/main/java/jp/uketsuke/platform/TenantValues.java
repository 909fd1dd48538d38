package jp.uketsuke.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A per-tenant setting written as {@code tenant=value,tenant2=value2}, the form an environment
 * variable can carry: {@code @ConfigProperty Optional<TenantValues>} reads it through {@link
 * TenantValuesConverter}. Blank entries are skipped; an entry without a tenant, an {@code =} or a
 * value is a configuration mistake the service refuses at start rather than guessing.
 *
 * @param values the value of each tenant named, in the order written
 */
public record TenantValues(Map<String, String> values) {

  /** No tenant has a value of its own. */
  public static final TenantValues NONE = new TenantValues(Map.of());

  public TenantValues {
    values = Map.copyOf(values);
  }

  /**
   * @throws IllegalArgumentException for an entry that is not {@code tenant=value}
   */
  public static TenantValues parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String tenant = eq < 0 ? "" : entry.substring(0, eq).strip();
      String value = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (tenant.isEmpty() || value.isEmpty()) {
        throw new IllegalArgumentException(
            "expected tenant=value entries, got \"" + entry.strip() + "\"");
      }
      values.put(tenant, value);
    }
    return new TenantValues(values);
  }

  /** Each tenant's value as {@code read} makes it. */
  public <T> Map<String, T> map(Function<String, T> read) {
    Map<String, T> mapped = new LinkedHashMap<>();
    values.forEach((tenant, value) -> mapped.put(tenant, read.apply(value)));
    return Map.copyOf(mapped);
  }
}
