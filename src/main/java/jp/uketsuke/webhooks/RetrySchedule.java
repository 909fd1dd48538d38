package jp.uketsuke.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: {@code base * 2^(attempts-1)}, at most {@code max}, times
 * a random factor in [0.5, 1) so that receivers coming back from an outage are not hit by every
 * retry at once; never under a second (SQS counts whole seconds).
 */
record RetrySchedule(Duration base, Duration max, DoubleSupplier random) {
  Duration after(int attempts) {
    int doublings = Math.max(0, Math.min(30, attempts - 1));
    long millis = Math.min(max.toMillis(), base.toMillis() << doublings);
    long jittered = Math.round(millis * (0.5 + 0.5 * random.getAsDouble()));
    return Duration.ofMillis(Math.max(1000, jittered));
  }
}
