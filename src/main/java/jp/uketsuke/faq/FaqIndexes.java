package jp.uketsuke.faq;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The FAQ indexes of the most recently used tenants. A tenant's index is rebuilt when its FAQ
 * version differs from the one it was built at; the version is read at most once per check
 * interval, so most turns cost no store call at all. One thread per tenant checks or rebuilds at a
 * time: the others get the index they had, or wait when there is none yet. When the store cannot be
 * reached an existing index keeps serving, because a slightly old FAQ beats no answer.
 */
final class FaqIndexes {
  private static final Logger LOG = Logger.getLogger(FaqIndexes.class.getName());

  private final ToLongFunction<String> versions;
  private final Function<String, FaqIndex.Source> loader;
  private final long checkNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Slot> slots;

  /**
   * @param versions the tenant's current FAQ version
   * @param loader every FAQ of the tenant
   * @param check how long a version read stays trusted
   * @param maxTenants how many tenants' indexes stay in memory (least recently used leave first)
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
    this.loader = sources;
    this.versions = versions;
    this.checkNanos = Math.max(0, check.toNanos());
    this.nanoClock = nanoClock;
    int capacity = Math.max(1, maxTenants);
    this.slots =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
                return size() > capacity;
              }
            });
  }

  /** The tenant's index, current as of at most one check interval ago. */
  FaqIndex of(String tenantId) {
    return slots.computeIfAbsent(tenantId, t -> new Slot()).current(tenantId);
  }

  /**
   * The tenant's index at {@code version} (or a newer one), which the caller has just read: no
   * version read of its own, and a rebuild only when the version moved. While another thread
   * rebuilds, the previous index keeps serving.
   */
  FaqIndex of(String tenantId, long version) {
    return slots.computeIfAbsent(tenantId, t -> new Slot()).atVersion(tenantId, version);
  }

  /** How many tenants' indexes are held. */
  int tenants() {
    return slots.size();
  }

  /** One tenant's index, the time of its last version check, and the lock for refreshing them. */
  private final class Slot {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile FaqIndex index;
    private volatile long checkedAt;

    FaqIndex current(String tenantId) {
      FaqIndex known = index;
      if (known != null && isFresh()) {
        return known;
      }
      if (known != null && !lock.tryLock()) {
        return known;
      } else if (known == null) {
        lock.lock();
      }
      try {
        return index != null && isFresh() ? index : refresh(tenantId);
      } finally {
        lock.unlock();
      }
    }

    FaqIndex atVersion(String tenantId, long version) {
      FaqIndex known = index;
      if (known != null && known.version() >= version) {
        return known;
      }
      if (known != null && !lock.tryLock()) {
        return known;
      } else if (known == null) {
        lock.lock();
      }
      try {
        if (index == null || index.version() < version) {
          rebuild(tenantId, version);
        }
        return index;
      } finally {
        lock.unlock();
      }
    }

    private void rebuild(String tenantId, long version) {
      try {
        index = FaqIndex.build(version, loader.apply(tenantId));
        checkedAt = nanoClock.getAsLong();
      } catch (RuntimeException e) {
        if (index == null) {
          throw e;
        }
        LOG.log(Level.WARNING, "FAQ index of a tenant not rebuilt; serving the previous one", e);
      }
    }

    private FaqIndex refresh(String tenantId) {
      try {
        // The version is read before the items: a change in between leaves a newer index
        // labelled with the older version, which the next check rebuilds, never the reverse.
        long version = versions.applyAsLong(tenantId);
        if (index == null || index.version() != version) {
          index = FaqIndex.build(version, loader.apply(tenantId));
        }
      } catch (RuntimeException e) {
        if (index == null) {
          throw e;
        }
        LOG.log(Level.WARNING, "FAQ index of a tenant not refreshed; serving the previous one", e);
      }
      checkedAt = nanoClock.getAsLong();
      return index;
    }

    private boolean isFresh() {
      return nanoClock.getAsLong() - checkedAt < checkNanos;
    }
  }
}
