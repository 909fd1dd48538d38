package jp.uketsuke.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  private static final Duration BASE = Duration.ofSeconds(10);
  private static final Duration MAX = Duration.ofHours(1);

  @Test
  void waitsDoubleWithEachAttemptUpToTheMaximum() {
    RetrySchedule top = new RetrySchedule(BASE, MAX, () -> 0.999999);
    assertThat(top.after(1)).isBetween(Duration.ofMillis(9_999), BASE);
    assertThat(top.after(2)).isBetween(Duration.ofMillis(19_999), Duration.ofSeconds(20));
    assertThat(top.after(5)).isBetween(Duration.ofMillis(159_999), Duration.ofSeconds(160));
    assertThat(top.after(40)).isBetween(Duration.ofMillis(3_599_990), MAX);
  }

  @Test
  void jitterTakesUpToHalfOffEveryWait() {
    RetrySchedule low = new RetrySchedule(BASE, MAX, () -> 0.0);
    assertThat(low.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(low.after(3)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void neverUnderASecondWhichIsSqsGrain() {
    RetrySchedule tiny = new RetrySchedule(Duration.ofMillis(100), MAX, () -> 0.0);
    assertThat(tiny.after(1)).isEqualTo(Duration.ofSeconds(1));
  }
}
