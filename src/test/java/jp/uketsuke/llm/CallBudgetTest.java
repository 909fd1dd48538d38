package jp.uketsuke.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A model call never waits past the turn's deadline. */
class CallBudgetTest {
  private static final Duration CONFIGURED = Duration.ofSeconds(12);

  @Test
  void withRoomLeftTheConfiguredReadTimeoutApplies() {
    assertThat(CallBudget.readTimeout(CONFIGURED, Duration.ofSeconds(20))).contains(CONFIGURED);
    assertThat(CallBudget.readTimeout(CONFIGURED, CONFIGURED)).contains(CONFIGURED);
  }

  @Test
  void nearTheDeadlineTheCallWaitsOnlyWhatIsLeftInWholeSeconds() {
    assertThat(CallBudget.readTimeout(CONFIGURED, Duration.ofMillis(5_900)))
        .contains(Duration.ofSeconds(5));
    assertThat(CallBudget.readTimeout(CONFIGURED, Duration.ofMillis(1_200)))
        .contains(Duration.ofSeconds(1));
    // at least a second, so a call started with 0.5-1 s left may overrun it by under 0.5 s
    assertThat(CallBudget.readTimeout(CONFIGURED, Duration.ofMillis(700)))
        .contains(Duration.ofSeconds(1));
  }

  @Test
  void underHalfASecondLeftThereIsNoCallAtAll() {
    assertThat(CallBudget.readTimeout(CONFIGURED, Duration.ofMillis(499))).isEmpty();
    assertThat(CallBudget.readTimeout(CONFIGURED, Duration.ofSeconds(-3))).isEmpty();
  }
}
