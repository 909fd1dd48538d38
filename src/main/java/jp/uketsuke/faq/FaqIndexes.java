package jp.uketsuke.faq;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The FAQ indexes of the most used tenants, in a Caffeine cache. A tenant's index is rebuilt when
 * its FAQ version differs from the one it was built at; the version is read at most once per check
 * interval ({@code refreshAfterWrite}), so most turns cost no store call at all. One thread per
 * tenant loads or refreshes at a time: the others get the index there is, or wait when there is
 * none yet. When the store cannot be reached an existing index keeps serving, because a slightly
 * old FAQ beats no answer.
 *
 * <p>Refreshes run on the calling thread: the caller that finds the index due for a check gets the
 * checked index, and no thread outside Liberty's does store calls.
 */
final class FaqIndexes {
  private static final Logger LOG = Logger.getLogger(FaqIndexes.class.getName());

  private final ToLongFunction<String> versions;
  private final Function<String, FaqIndex.Source> sources;
  private final LoadingCache<String, FaqIndex> cache;

  /**
   * The version the caller of {@link #of(String, long)} has just read, for a load or a refresh that
   * call causes (on its own thread): it stands in for a version read of the cache's own.
   */
  private final ThreadLocal<Long> versionJustRead = new ThreadLocal<>();

  /**
   * @param versions the tenant's current FAQ version
   * @param loader every FAQ of the tenant
   * @param check how long a version read stays trusted
   * @param maxTenants how many tenants' indexes stay in memory
   * @param nanoClock {@link System#nanoTime} or a test's clock
   */
  FaqIndexes(
      ToLongFunction<String> versions,
      Function<String, List<FaqItem>> loader,
      Duration check,
      int maxTenants,
      LongSupplier nanoClock) {
    this(
        versions,
        check,
        maxTenants,
        nanoClock,
        tenant -> new FaqIndex.Source(loader.apply(tenant), Map.of()));
  }

  /**
   * As the other constructor, with {@code sources} giving each tenant's FAQ with its use counts.
   */
  FaqIndexes(
      ToLongFunction<String> versions,
      Duration check,
      int maxTenants,
      LongSupplier nanoClock,
      Function<String, FaqIndex.Source> sources) {
    this.versions = versions;
    this.sources = sources;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(Math.max(1, maxTenants))
            // Caffeine refreshes once more than this has passed; a read is trusted for less than
            // the check interval.
            .refreshAfterWrite(Duration.ofNanos(Math.max(1, check.toNanos() - 1)))
            .ticker(nanoClock::getAsLong)
            .executor(Runnable::run)
            .build(new Loader());
  }

  /** The tenant's index, current as of at most one check interval ago. */
  FaqIndex of(String tenantId) {
    return cache.get(tenantId);
  }

  /**
   * The tenant's index at {@code version} (or a newer one), which the caller has just read: no
   * version read of its own, and a rebuild only when the version moved. Callers that read the moved
   * version meanwhile wait for that one rebuild.
   */
  FaqIndex of(String tenantId, long version) {
    versionJustRead.set(version);
    try {
      FaqIndex known = cache.get(tenantId);
      if (known.version() >= version) {
        return known;
      }
      FaqIndex rebuilt =
          cache
              .asMap()
              .computeIfPresent(
                  tenantId,
                  (tenant, index) ->
                      index.version() >= version ? index : rebuilt(tenant, version, index));
      return rebuilt != null ? rebuilt : cache.get(tenantId);
    } finally {
      versionJustRead.remove();
    }
  }

  /** How many tenants' indexes are held. */
  int tenants() {
    cache.cleanUp();
    return (int) cache.estimatedSize();
  }

  private FaqIndex build(String tenantId, long version) {
    return FaqIndex.build(version, sources.apply(tenantId));
  }

  /** The index at {@code version}, or {@code previous} when the store cannot give it. */
  private FaqIndex rebuilt(String tenantId, long version, FaqIndex previous) {
    try {
      return build(tenantId, version);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "FAQ index of a tenant not rebuilt; serving the previous one", e);
      return previous;
    }
  }

  private final class Loader implements CacheLoader<String, FaqIndex> {
    /** The first index of a tenant: a store failure reaches the caller, there is nothing else. */
    @Override
    public FaqIndex load(String tenantId) {
      Long told = versionJustRead.get();
      return build(tenantId, told != null ? told : versions.applyAsLong(tenantId));
    }

    /** A check: rebuilt when the version moved, the previous index kept when the store fails. */
    @Override
    public FaqIndex reload(String tenantId, FaqIndex previous) {
      Long told = versionJustRead.get();
      if (told != null) {
        return previous.version() >= told ? previous : rebuilt(tenantId, told, previous);
      }
      try {
        // The version is read before the items: a change in between leaves a newer index
        // labelled with the older version, which the next check rebuilds, never the reverse.
        long version = versions.applyAsLong(tenantId);
        return version == previous.version() ? previous : build(tenantId, version);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "FAQ index of a tenant not refreshed; serving the previous one", e);
        return previous;
      }
    }
  }
}
