package jp.uketsuke.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters summed in memory until they are written: many requests add to a key, one flusher takes
 * each key's sum away at once. Adding and taking are atomic per key, so a count added while a flush
 * runs lands either in the sum taken or in the next one, never in neither.
 *
 * @param <K> what is counted, e.g. a tenant's day
 */
public final class Tallies<K> {
  /** One key's sums, in the order they were added. */
  public record Sum<K>(K key, long[] values) {}

  private final ConcurrentHashMap<K, long[]> sums = new ConcurrentHashMap<>();
  private final int maxKeys;

  /**
   * @param maxKeys how many keys may wait at once; adds to further keys are refused
   */
  public Tallies(int maxKeys) {
    this.maxKeys = Math.max(1, maxKeys);
  }

  /**
   * Adds the deltas to the key's sums.
   *
   * @return false when the key is new and {@code maxKeys} keys wait already (nothing was added)
   */
  public boolean add(K key, long... deltas) {
    if (sums.size() >= maxKeys && !sums.containsKey(key)) {
      return false;
    }
    sums.merge(key, deltas.clone(), Tallies::plus);
    return true;
  }

  /** Takes every key's sums away, for writing. */
  public List<Sum<K>> drain() {
    List<Sum<K>> drained = new ArrayList<>();
    for (K key : List.copyOf(sums.keySet())) {
      long[] values = sums.remove(key);
      if (values != null) {
        drained.add(new Sum<>(key, values));
      }
    }
    return drained;
  }

  /** How many keys wait. */
  public int size() {
    return sums.size();
  }

  private static long[] plus(long[] a, long[] b) {
    long[] sum = a.clone();
    for (int i = 0; i < sum.length && i < b.length; i++) {
      sum[i] += b[i];
    }
    return sum;
  }
}
