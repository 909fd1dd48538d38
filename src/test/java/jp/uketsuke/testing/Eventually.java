package jp.uketsuke.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a view that the service derives after the fact (the phone directory learns of turns
 * from the log within seconds) by asserting again until the assertion holds or time is up; the last
 * failure is the test's failure.
 */
public final class Eventually {
  private Eventually() {}

  /** Runs {@code check} every 200 ms until it passes, for at most {@code within}. */
  public static <T> T within(Duration within, Supplier<T> check) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        return check.get();
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }

  /** {@link #within} for checks that return nothing. */
  public static void holds(Duration within, Runnable check) {
    within(
        within,
        () -> {
          check.run();
          return null;
        });
  }
}
