package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummaryTest {
  private static Turn turn(String ts, String said, String answered) {
    return new Turn("09012345678", ts, said, answered, "CA1");
  }

  @Test
  void firstQuestionTasksAndLastAnswerInThatOrder() {
    CallSummary summary =
        ExtractiveSummary.of(
            "CA1",
            List.of(
                turn("2026-12-04T10:00:00Z", null, "いらっしゃいませ"),
                turn("2026-12-04T10:00:05Z", "予約したい", "何名様ですか"),
                turn("2026-12-04T10:00:10Z", "2名", null)),
            List.of("山田様"),
            "2026-12-04T10:01:00Z");
    assertThat(summary.callerIntent()).isEqualTo("予約したい");
    assertThat(summary.text()).isEqualTo("Caller: 予約したい\nTasks: 山田様\nAssistant: 何名様ですか");
    assertThat(summary.startedAt()).isEqualTo("2026-12-04T10:00:00Z");
    assertThat(summary.turns()).isEqualTo(3);
    assertThat(summary.phoneNumber()).isEqualTo("09012345678");
    assertThat(summary.mode()).isEqualTo("extractive");
  }

  @Test
  void longTextsAreCutAndAbsentPartsLeftOut() {
    String longQuestion = "あ".repeat(ExtractiveSummary.MAX_PART + 10);
    CallSummary summary =
        ExtractiveSummary.of("CA1", List.of(turn("t", longQuestion, " ")), List.of(), "e");
    assertThat(summary.callerIntent()).hasSize(ExtractiveSummary.MAX_PART + 1).endsWith("…");
    assertThat(summary.text()).startsWith("Caller: ").doesNotContain("Tasks", "Assistant");
  }
}
