package jp.uketsuke.recordings;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Identical work in flight on this pod, done once: the first caller of a key computes on its own
 * thread, callers of the same key that arrive meanwhile wait for that outcome, value or failure.
 * Nothing is kept afterwards: once the computation ends its key is free, so a failure is never
 * cached and the next caller tries again. Waiting is not bounded here; the computation is, by the
 * timeouts of whatever it calls.
 */
final class InFlight<K, V> {
  private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  /**
   * @return the computation's value, computed by this caller or by the one it joined
   * @throws RuntimeException the computation's own failure, also to every caller that joined it
   */
  V share(K key, Supplier<V> computation) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
    if (theirs != null) {
      return outcome(theirs);
    }
    try {
      V value = computation.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }

  /** Computations running now. */
  int size() {
    return running.size();
  }

  private static <V> V outcome(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
