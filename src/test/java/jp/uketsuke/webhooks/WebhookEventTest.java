package jp.uketsuke.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Event ids: a change published again (a keyed retry, a second end of a call) has the id of its
 * first publication, so a webhook's delivery of it is written once; ids still sort by time.
 */
class WebhookEventTest {
  private static final Instant AT = Instant.parse("2026-12-05T01:02:03.456Z");

  @Test
  void theSameChangeHasTheSameIdAndAnotherChangeAnother() {
    String id = WebhookEvent.idOf(AT, "garden", "call.ended", "CA1");

    assertThat(WebhookEvent.idOf(AT, "garden", "call.ended", "CA1")).isEqualTo(id);
    assertThat(WebhookEvent.idOf(AT, "clinic", "call.ended", "CA1")).isNotEqualTo(id);
    assertThat(WebhookEvent.idOf(AT, "garden", "task.created", "CA1")).isNotEqualTo(id);
    assertThat(WebhookEvent.idOf(AT, "garden", "call.ended", "CA2")).isNotEqualTo(id);
    assertThat(id).matches("evt_[0-9a-f]{28}");
  }

  @Test
  void idsSortByTheTimeOfTheChange() {
    assertThat(WebhookEvent.idOf(AT, "t", "call.ended", "zzz"))
        .isLessThan(WebhookEvent.idOf(AT.plusMillis(1), "t", "call.ended", "aaa"));
    assertThat(WebhookEvent.newId(AT)).isLessThan(WebhookEvent.newId(AT.plusMillis(1)));
  }
}
