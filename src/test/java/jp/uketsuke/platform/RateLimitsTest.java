package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import jp.uketsuke.platform.RateLimits.Kind;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test turns by hand. */
class RateLimitsTest {
  private long now = 1_000_000_000L;

  private RateLimits limits(String chat, String writes, String chatTenants, int maxTenants) {
    RateLimits limits = new RateLimits();
    limits.chat = chat;
    limits.writes = writes;
    limits.chatTenants = Optional.ofNullable(chatTenants).map(TenantValues::parse);
    limits.writesTenants = Optional.empty();
    limits.transcriptions = "off";
    limits.transcriptionsTenants = Optional.empty();
    limits.maxTenants = maxTenants;
    limits.clock = () -> now;
    limits.init();
    return limits;
  }

  @Test
  void aBurstUpToTheCapacityPassesThenRetryAfterIsTheTimeToTheNextToken() {
    RateLimits limits = limits("3/15s", "off", null, 10);
    assertThat(limits.take("a", Kind.CHAT)).isZero();
    assertThat(limits.take("a", Kind.CHAT)).isZero();
    assertThat(limits.take("a", Kind.CHAT)).isZero();
    assertThat(limits.take("a", Kind.CHAT)).isEqualTo(5);
    now += Duration.ofMillis(4_001).toNanos();
    assertThat(limits.take("a", Kind.CHAT)).isEqualTo(1);
    now += Duration.ofMillis(1_000).toNanos();
    assertThat(limits.take("a", Kind.CHAT)).isZero();
    assertThat(limits.take("a", Kind.CHAT)).isEqualTo(5);
  }

  @Test
  void tenantsAndKindsHaveTheirOwnBuckets() {
    RateLimits limits = limits("1/1m", "1/1m", null, 10);
    assertThat(limits.take("a", Kind.CHAT)).isZero();
    assertThat(limits.take("a", Kind.CHAT)).isEqualTo(60);
    assertThat(limits.take("a", Kind.WRITES)).isZero();
    assertThat(limits.take("b", Kind.CHAT)).isZero();
  }

  @Test
  void aTenantOverrideAppliesToThatTenantOnlyAndOffIsUnlimited() {
    RateLimits limits = limits("2/1h", "off", "tiny=1/10s, free=off", 10);
    assertThat(limits.take("tiny", Kind.CHAT)).isZero();
    assertThat(limits.take("tiny", Kind.CHAT)).isEqualTo(10);
    for (int i = 0; i < 1000; i++) {
      assertThat(limits.take("free", Kind.CHAT)).isZero();
      assertThat(limits.take("other", Kind.WRITES)).isZero();
    }
    assertThat(limits.take("other", Kind.CHAT)).isZero();
    assertThat(limits.take("other", Kind.CHAT)).isZero();
    assertThat(limits.take("other", Kind.CHAT)).isEqualTo(1800);
  }

  @Test
  void theMapIsBoundedAndAnEvictedTenantComesBackWithAFullBucket() {
    RateLimits limits = limits("1/1h", "off", null, 2);
    for (int i = 0; i < 100; i++) {
      limits.take("t" + i, Kind.CHAT);
    }
    assertThat(limits.size()).isLessThanOrEqualTo(2 * Kind.values().length);
    assertThat(limits.take("t0", Kind.CHAT)).isZero();
    assertThat(limits.take("t0", Kind.CHAT)).isPositive();
  }

  @Test
  void limitsAreParsedOrRefusedAtStart() {
    assertThat(RateLimit.parse("600/1m", "k")).isEqualTo(new RateLimit(600, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse(" 3 / 15s ", "k"))
        .isEqualTo(new RateLimit(3, Duration.ofSeconds(15)));
    assertThat(RateLimit.parse("10/h", "k")).isEqualTo(new RateLimit(10, Duration.ofHours(1)));
    assertThat(RateLimit.parse("OFF", "k").off()).isTrue();
    assertThatThrownBy(() -> RateLimit.parse("0/1m", "k")).hasMessageContaining("k");
    assertThatThrownBy(() -> RateLimit.parse("fast", "k")).hasMessageContaining("600/1m");
    assertThatThrownBy(() -> limits("1/1m", "1/1m", "tiny", 10))
        .hasMessageContaining("tenant=value");
    RateLimits transcriptions = limits("1/1m", "1/1m", null, 10);
    transcriptions.transcriptionsTenants = Optional.of(TenantValues.parse("tiny=often"));
    assertThatThrownBy(transcriptions::init)
        .hasMessageContaining("uketsuke.rate-limit.transcriptions.tenants");
  }

  @Test
  void paidTranscriptionsHaveTheirOwnBucketAndOverItTheRouteIsRefusedWithRetryAfter() {
    RateLimits limits = limits("1/1m", "1/1m", null, 10);
    limits.transcriptions = "2/1h";
    limits.transcriptionsTenants = Optional.of(TenantValues.parse("free=off"));
    limits.init();
    limits.takeOrRefuse("a", Kind.TRANSCRIPTIONS);
    limits.takeOrRefuse("a", Kind.TRANSCRIPTIONS);
    assertThatThrownBy(() -> limits.takeOrRefuse("a", Kind.TRANSCRIPTIONS))
        .isInstanceOfSatisfying(
            RateLimitExceeded.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(429);
              assertThat(refused.retryAfterSeconds()).isEqualTo(1800);
              assertThat(refused.getMessage()).contains("transcriptions");
            });
    assertThat(limits.take("a", Kind.CHAT)).isZero();
    assertThat(limits.take("b", Kind.TRANSCRIPTIONS)).isZero();
    for (int i = 0; i < 100; i++) {
      limits.takeOrRefuse("free", Kind.TRANSCRIPTIONS);
    }
  }

  @Test
  void chatTurnsOtherWritesAndTranscriptionsEachHaveABucketOtherReadsNone() {
    assertThat(Kind.of("POST", "/chat")).isEqualTo(Kind.CHAT);
    assertThat(Kind.of("POST", "chat")).isEqualTo(Kind.CHAT);
    assertThat(Kind.of("POST", "/chat-logs")).isEqualTo(Kind.WRITES);
    assertThat(Kind.of("POST", "/faq")).isEqualTo(Kind.WRITES);
    assertThat(Kind.of("PUT", "/prompt")).isEqualTo(Kind.WRITES);
    assertThat(Kind.of("PATCH", "/task/{name}")).isEqualTo(Kind.WRITES);
    assertThat(Kind.of("DELETE", "/chat")).isEqualTo(Kind.WRITES);
    assertThat(Kind.of("GET", "/chat")).isNull();
    assertThat(Kind.of("GET", "/prompt")).isNull();
    assertThat(Kind.of("GET", "/transcription")).isEqualTo(Kind.TRANSCRIPTIONS);
    assertThat(Kind.of("HEAD", "transcription")).isEqualTo(Kind.TRANSCRIPTIONS);
    assertThat(Kind.of("GET", "/transcriptions")).isNull();
    assertThat(Kind.of("GET", "/recording/{sid}")).isNull();
    // Only the route knows whether a transcription pays, so the filter leaves it alone.
    assertThat(Kind.TRANSCRIPTIONS.onArrival).isFalse();
    assertThat(Kind.CHAT.onArrival && Kind.WRITES.onArrival).isTrue();
    assertThat(Kind.of("HEAD", "/faqs")).isNull();
    assertThat(Kind.of("OPTIONS", "/prompt")).isNull();
  }
}
