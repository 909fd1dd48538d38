package jp.uketsuke.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TaskStatusTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

  @Test
  void statusesMoveForwardOrToCancelledBeforeDone() {
    assertThat(TaskStatus.REQUESTED.canMoveTo(TaskStatus.CONFIRMED)).isTrue();
    assertThat(TaskStatus.REQUESTED.canMoveTo(TaskStatus.CANCELLED)).isTrue();
    assertThat(TaskStatus.CONFIRMED.canMoveTo(TaskStatus.DONE)).isTrue();
    assertThat(TaskStatus.CONFIRMED.canMoveTo(TaskStatus.CANCELLED)).isTrue();
    assertThat(TaskStatus.REQUESTED.canMoveTo(TaskStatus.DONE)).isFalse();
    assertThat(TaskStatus.DONE.canMoveTo(TaskStatus.CANCELLED)).isFalse();
    assertThat(TaskStatus.CANCELLED.canMoveTo(TaskStatus.REQUESTED)).isFalse();
    assertThat(TaskStatus.DONE.canMoveTo(TaskStatus.DONE)).isTrue();
  }

  @Test
  void aDateOnlyBoundCoversItsWholeDay() {
    TaskFilter filter =
        TaskFilter.of(null, null, "2025-10-01", "2025-10-01", null, null, TOKYO, TODAY);
    assertThat(filter.inRange(start("2025-10-01 23:59"))).isTrue();
    assertThat(filter.inRange(start("2025-10-01"))).isTrue();
    assertThat(filter.inRange(start("2025-10-02 00:00"))).isFalse();
    assertThat(filter.inRange(start(null))).isFalse();
  }

  @Test
  void aTaskWithADateOnlyLastsItsWholeDayForATimedBound() {
    TaskFilter filter =
        TaskFilter.of(null, null, "2025-10-01 09:00", "2025-10-02 09:00", null, null, TOKYO, TODAY);
    assertThat(filter.inRange(start("2025-10-01"))).isTrue();
    assertThat(filter.inRange(start("2025-10-01 08:59"))).isFalse();
    assertThat(filter.inRange(start("2025-10-02 09:00"))).isTrue();
    assertThat(filter.inRange(start("2025-10-02 09:01"))).isFalse();
    assertThat(filter.inRange(start("来週のどこか"))).isFalse();
  }

  private static TaskStart start(String text) {
    return StartDatetimes.read(text, TODAY, TOKYO);
  }
}
