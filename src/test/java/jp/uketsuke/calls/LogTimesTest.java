package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;

class LogTimesTest {

  @Test
  void storedFormsInUtcAreKeptAsWrittenSoOldKeysAreFoundAgain() {
    assertThat(LogTimes.stored("2025-10-01T12:34:56+00:00", "ts"))
        .isEqualTo("2025-10-01T12:34:56+00:00");
    assertThat(LogTimes.stored("2025-11-11T14:20:08.123456+00:00", "ts"))
        .isEqualTo("2025-11-11T14:20:08.123456+00:00");
    assertThat(LogTimes.stored("2025-10-01T12:34:56.5+00:00", "ts"))
        .isEqualTo("2025-10-01T12:34:56.5+00:00");
  }

  @Test
  void otherOffsetsBecomeUtcAtThePrecisionTheClientUsed() {
    assertThat(LogTimes.stored("2025-10-01T21:34:56+09:00", "ts"))
        .isEqualTo("2025-10-01T12:34:56+00:00");
    assertThat(LogTimes.stored("2025-10-01T12:34:56Z", "ts"))
        .isEqualTo("2025-10-01T12:34:56+00:00");
    assertThat(LogTimes.stored("2025-10-01T21:34:56.000000+09:00", "ts"))
        .isEqualTo("2025-10-01T12:34:56.000000+00:00");
    assertThat(LogTimes.stored("2025-10-01T12:34:56 00:00", "ts"))
        .as("a '+' that arrived as a space")
        .isEqualTo("2025-10-01T12:34:56+00:00");
  }

  @Test
  void boundsIncludeBothFormsOfTheSameInstant() {
    Instant whole = Instant.parse("2025-10-01T12:34:56Z");
    String lower = LogTimes.lowerBound(whole);
    String upper = LogTimes.upperBound(whole);
    for (String stored :
        new String[] {"2025-10-01T12:34:56+00:00", "2025-10-01T12:34:56.000000+00:00"}) {
      assertThat(stored).isGreaterThanOrEqualTo(lower).isLessThanOrEqualTo(upper);
    }
    assertThat("2025-10-01T12:34:56.000001+00:00").isGreaterThan(upper);
    assertThat("2025-10-01T12:34:55.999999+00:00").isLessThan(lower);
  }

  @Test
  void aCollidingGeneratedTimeMovesForward() {
    String far = "2999-01-01T00:00:00.000001+00:00";
    assertThat(LogTimes.after(far)).isEqualTo("2999-01-01T00:00:00.000002+00:00");
    assertThat(LogTimes.after("2020-01-01T00:00:00+00:00")).isGreaterThan("2025");
  }

  @Test
  void somethingThatIsNoTimeIsA400NamingTheField() {
    assertThatThrownBy(() -> LogTimes.stored("soon", "ts"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("ts");
  }

  @Test
  void everyWritersSpellingOfAnInstantReadsAsThatInstant() {
    Instant at = Instant.parse("2026-12-04T14:05:00.123456Z");
    assertThat(LogTimes.instantOf("2026-12-04T14:05:00.123456+00:00")).isEqualTo(at);
    assertThat(LogTimes.instantOf("2026-12-04T14:05:00.123456Z")).isEqualTo(at);
    assertThat(LogTimes.instantOf("2026-12-04T14:05:00.123456"))
        .as("naive isoformat")
        .isEqualTo(at);
    assertThat(LogTimes.instantOf("2026-12-04T23:05:00.123456+09:00")).isEqualTo(at);
    assertThat(LogTimes.instantOf("2026-12-04T14:05:00.123456789Z")).isEqualTo(at);
    assertThat(LogTimes.instantOf("2026-12-04T14:05:00+00:00"))
        .isEqualTo(Instant.parse("2026-12-04T14:05:00Z"));
    assertThat(LogTimes.instantOf("yesterday")).isNull();
    assertThat(LogTimes.instantOf(null)).isNull();
  }

  @Test
  void aSecondsPrefixSortsBeforeEverySpellingOfItsSecondAndAfterThoseOfTheSecondBefore() {
    String prefix = LogTimes.secondPrefix(Instant.parse("2026-12-04T14:05:00.999Z"));
    assertThat(prefix).isEqualTo("2026-12-04T14:05:00");
    for (String same :
        new String[] {
          "2026-12-04T14:05:00+00:00",
          "2026-12-04T14:05:00Z",
          "2026-12-04T14:05:00.000001+00:00",
          "2026-12-04T14:05:00.5Z",
          "2026-12-04T14:05:00.999999"
        }) {
      assertThat(same.compareTo(prefix)).as(same).isPositive();
      assertThat(same.compareTo(prefix + "~")).as(same).isNegative();
    }
    assertThat("2026-12-04T14:04:59.999999Z".compareTo(prefix)).isNegative();
    assertThat("2026-12-04T14:05:01+00:00".compareTo(prefix + "~")).isPositive();
  }
}
