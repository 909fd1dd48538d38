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
    CHAT("chat", "chat turns", true),
    WRITES("writes", "changes", true),
    /**
     * Transcriptions that call the paid speech-to-text API. Only the route knows whether a request
     * will (a stored transcript is served for free), so the route takes the token, not the filter.
     */
    TRANSCRIPTIONS("transcriptions", "paid transcriptions", false);

    private static final Set<String> WRITE_METHODS =
        Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    final String key;
    final String what;

    /** Whether {@link RateLimitFilter} takes the token when the request arrives. */
    final boolean onArrival;

    Kind(String key, String what, boolean onArrival) {
      this.key = key;
      this.what = what;
      this.onArrival = onArrival;
    }

    /**
     * The one rule of what is limited: chat turns ({@code POST /chat}), every other write, and
     * {@code GET /transcription} (when it pays for speech to text); other reads are not. The
     * request filter applies it to requests, the OpenAPI filter to the documented operations, so
     * the document names 429 exactly where it can happen.
     *
     * @param path the request path or path template, with or without its leading slash
     * @return the bucket the request takes from, or {@code null} when it is not limited
     */
    static Kind of(String method, String path) {
      String route = path.replace("/", "");
      if (READ_METHODS.contains(method)) {
        return route.equals("transcription") ? TRANSCRIPTIONS : null;
      }
      if (!WRITE_METHODS.contains(method)) {
        return null;
      }
      return HttpMethod.POST.equals(method) && route.equals("chat") ? CHAT : WRITES;
    }
  }

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.chat", defaultValue = "600/1m")
  String chat;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.writes", defaultValue = "3000/1m")
  String writes;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.transcriptions", defaultValue = "60/1h")
  String transcriptions;

  /** Per-tenant limits, {@code tenant=3/15s,other=off}. */
  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.chat.tenants")
  Optional<TenantValues> chatTenants;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.writes.tenants")
  Optional<TenantValues> writesTenants;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.transcriptions.tenants")
  Optional<TenantValues> transcriptionsTenants;

  @Inject
  @ConfigProperty(name = "uketsuke.rate-limit.max-tenants", defaultValue = "10000")
  int maxTenants;

  private final Map<Kind, RateLimit> defaults = new HashMap<>();
  private final Map<Kind, Map<String, RateLimit>> overrides = new HashMap<>();
  private Map<String, TokenBucket> buckets;
  LongSupplier clock = System::nanoTime;

  @PostConstruct
  void init() {
    configure(Kind.CHAT, chat, chatTenants);
    configure(Kind.WRITES, writes, writesTenants);
    configure(Kind.TRANSCRIPTIONS, transcriptions, transcriptionsTenants);
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

  /**
   * Takes one request of the tenant from its bucket, for a route that limits itself (a kind not
   * taken {@linkplain Kind#onArrival on arrival}).
   *
   * @throws RateLimitExceeded over the limit: a 429 with Retry-After, as the filter answers
   */
  public void takeOrRefuse(String tenantId, Kind kind) {
    long retryAfter = take(tenantId, kind);
    if (retryAfter > 0) {
      throw new RateLimitExceeded(kind, retryAfter);
    }
  }

  RateLimit limitOf(String tenantId, Kind kind) {
    return overrides.get(kind).getOrDefault(tenantId, defaults.get(kind));
  }

  int size() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  private void configure(Kind kind, String limit, Optional<TenantValues> tenants) {
    String key = "uketsuke.rate-limit." + kind.key;
    defaults.put(kind, RateLimit.parse(limit, key));
    overrides.put(
        kind,
        tenants.orElse(TenantValues.NONE).map(value -> RateLimit.parse(value, key + ".tenants")));
  }
}
