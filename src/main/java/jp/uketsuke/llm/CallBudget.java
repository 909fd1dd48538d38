package jp.uketsuke.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * How long one model call may wait for its answer when the turn has only {@code left} before its
 * deadline: the configured read timeout while there is room for it, else what is left in whole
 * seconds (so only a handful of differently configured clients ever exist), and nothing at all once
 * less than {@link #MINIMUM} is left.
 */
final class CallBudget {
  static final Duration MINIMUM = Duration.ofMillis(500);

  private CallBudget() {}

  static Optional<Duration> readTimeout(Duration configured, Duration left) {
    if (left.compareTo(MINIMUM) < 0) {
      return Optional.empty();
    }
    if (left.compareTo(configured) >= 0) {
      return Optional.of(configured);
    }
    return Optional.of(Duration.ofSeconds(Math.max(1, left.toSeconds())));
  }
}
