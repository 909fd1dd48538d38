package jp.uketsuke.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStatusTest {

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
    TaskFilter filter = TaskFilter.of(null, null, "2025-10-01", "2025-10-01");
    assertThat(filter.matches(task("2025-10-01 23:59"))).isTrue();
    assertThat(filter.matches(task("2025-10-01"))).isTrue();
    assertThat(filter.matches(task("2025-10-02 00:00"))).isFalse();
    assertThat(filter.matches(task(null))).isFalse();
  }

  private static Task task(String start) {
    return new Task("n", null, null, start, null, "requested", null, null, null, null);
  }
}
