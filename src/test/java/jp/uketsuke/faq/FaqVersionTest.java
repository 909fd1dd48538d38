package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The version pods compare: it rises when a change is marked, keeps rising while the mark stands (a
 * writer that died between its writes and its bump), and rises again when the change ends, so no
 * index built meanwhile survives it.
 */
class FaqVersionTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void aMarkRaisesTheVersionAtOnceAndAgainEveryRecheckWhileItStands() {
    Map<String, AttributeValue> item = item(7);
    long settled = FaqVersion.of(item, T0);
    item.put("pending_a", AttributeValue.fromN(Long.toString(T0)));
    long marked = FaqVersion.of(item, T0);
    long later = FaqVersion.of(item, T0 + FaqVersion.RECHECK.toMillis());
    long muchLater = FaqVersion.of(item, T0 + 50 * FaqVersion.RECHECK.toMillis());

    assertThat(marked).isGreaterThan(settled);
    assertThat(later).isGreaterThan(marked);
    assertThat(muchLater).isGreaterThan(later);
    assertThat(FaqVersion.of(item, T0 + FaqVersion.RECHECK.toMillis() - 1)).isEqualTo(marked);
  }

  @Test
  void theEndOfAChangeIsAboveEveryVersionSeenWhileItRan() {
    Map<String, AttributeValue> running = item(7);
    running.put("pending_a", AttributeValue.fromN(Long.toString(T0)));
    long duringAYear = FaqVersion.of(running, T0 + 365L * 24 * 3600 * 1000);
    assertThat(FaqVersion.of(item(8), T0)).isGreaterThan(duringAYear);
  }

  @Test
  void theOldestOfSeveralMarksCountsAndOtherAttributesDoNot() {
    Map<String, AttributeValue> item = item(3);
    item.put("pending_new", AttributeValue.fromN(Long.toString(T0)));
    item.put(
        "pending_old", AttributeValue.fromN(Long.toString(T0 - 2 * FaqVersion.RECHECK.toMillis())));
    item.put("client_id", AttributeValue.fromS("t"));
    Map<String, AttributeValue> oneMark = item(3);
    oneMark.put(
        "pending_old", AttributeValue.fromN(Long.toString(T0 - 2 * FaqVersion.RECHECK.toMillis())));
    assertThat(FaqVersion.of(item, T0)).isEqualTo(FaqVersion.of(oneMark, T0));
    assertThat(FaqVersion.of(null, T0)).isZero();
    assertThat(FaqVersion.of(Map.of(), T0)).isZero();
  }

  private static Map<String, AttributeValue> item(long version) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    return item;
  }
}
