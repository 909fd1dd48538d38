package jp.uketsuke.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token buckets of this pod, one per tenant and kind of request, so a tenant that floods the
 * service empties only its own buckets. Buckets live in memory: with several pods behind the load
 * balancer a tenant gets up to the limit on each pod. The map is bounded; the least recently used
 * bucket leaves first and comes back full, which only ever errs towards letting a request through.
 */
@ApplicationScoped
public class RateLimits {
  /** The kinds of request that are limited, each with its own bucket per tenant. */
  public enum Kind {
    CHAT("chat"),
    WRITES("writes");

    private static final Set<String> WRITE_METHODS =
        Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    final String key;

    Kind(String key) {
      this.key = key;
    }

    /**
     * The one rule of what is limited: chat turns ({@code POST /chat}) and every other write; reads
     * are not. The request filter applies it to requests, the OpenAPI filter to the documented
     * operations, so the document names 429 exactly where it can happen.
     *
     * @param path the request path or path template, with or without its leading slash
     * @return the bucket the request takes from, or {@code null} when it is not limited
     */
    static Kind of(String method, String path) {
      if (!WRITE_METHODS.contains(method)) {
        return null;
      }
      boolean chat = HttpMethod.POST.equals(method) && path.replace("/", "").equals("chat");
      return chat ? CHAT : WRITES;
    }
  }

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.chat", defaultValue = "600/1m")
  String chat;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.writes", defaultValue = "3000/1m")
  String writes;

  /** Per-tenant limits, {@code tenant=3/15s,other=off}. */
  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.chat.tenants")
  Optional<String> chatTenants;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.writes.tenants")
  Optional<String> writesTenants;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.max-tenants", defaultValue = "10000")
  int maxTenants;

  private final Map<Kind, RateLimit> defaults = new HashMap<>();
  private final Map<Kind, Map<String, RateLimit>> overrides = new HashMap<>();
  private Map<String, TokenBucket> buckets;
  LongSupplier clock = System::nanoTime;

  @PostConstruct
  void init() {
    defaults.put(Kind.CHAT, RateLimit.parse(chat, "uketsuke.rate-limit.chat"));
    defaults.put(Kind.WRITES, RateLimit.parse(writes, "uketsuke.rate-limit.writes"));
    overrides.put(Kind.CHAT, perTenant(chatTenants, "uketsuke.rate-limit.chat.tenants"));
    overrides.put(Kind.WRITES, perTenant(writesTenants, "uketsuke.rate-limit.writes.tenants"));
    int bound = Math.max(1, maxTenants) * Kind.values().length;
    buckets =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
            return size() > bound;
          }
        };
  }

  /**
   * Takes one request of the tenant from its bucket.
   *
   * @return 0 when the request may pass, else the whole seconds after which it may be tried again
   */
  public long take(String tenantId, Kind kind) {
    RateLimit limit = limitOf(tenantId, kind);
    if (limit.off()) {
      return 0;
    }
    long now = clock.getAsLong();
    TokenBucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(kind.key + "#" + tenantId, k -> new TokenBucket(limit, now));
    }
    long waitNanos = bucket.take(now);
    return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
  }

  RateLimit limitOf(String tenantId, Kind kind) {
    return overrides.get(kind).getOrDefault(tenantId, defaults.get(kind));
  }

  int size() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  private static Map<String, RateLimit> perTenant(Optional<String> config, String key) {
    Map<String, RateLimit> limits = new HashMap<>();
    for (String entry : config.orElse("").split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalStateException(key + ": expected tenant=limit, got \"" + entry + "\"");
      }
      limits.put(entry.substring(0, eq).strip(), RateLimit.parse(entry.substring(eq + 1), key));
    }
    return limits;
  }
}
