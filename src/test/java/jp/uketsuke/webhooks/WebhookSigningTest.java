package jp.uketsuke.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSigningTest {
  @Test
  void signatureIsHexHmacSha256OfTimestampDotBodyUnderTheSecretsUtf8Bytes() {
    // openssl: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    String header = WebhookSigning.header(1_700_000_000L, "{\"a\":1}", List.of("whsec_test"));
    assertThat(header)
        .isEqualTo("t=1700000000,v1=" + WebhookSigning.hmac("whsec_test", "1700000000.{\"a\":1}"));
    assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
  }

  @Test
  void everySecretThatStillSignsAddsOneV1InOrder() {
    String header = WebhookSigning.header(5, "x", List.of("new", "old"));
    assertThat(header)
        .isEqualTo(
            "t=5,v1="
                + WebhookSigning.hmac("new", "5.x")
                + ",v1="
                + WebhookSigning.hmac("old", "5.x"));
  }

  @Test
  void theReplacedSecretSignsOnlyUntilItsDeadline() {
    Instant until = Instant.parse("2026-01-02T00:00:00Z");
    StoredWebhook hook =
        new StoredWebhook(
            new Webhook("wh_0", "https://x.example", List.of("task.created"), null, "t"),
            "new",
            "old",
            until);
    assertThat(hook.signingSecrets(until.minusSeconds(1))).containsExactly("new", "old");
    assertThat(hook.signingSecrets(until)).containsExactly("new");
    assertThat(hook.signingSecrets(until.plus(Duration.ofDays(1)))).containsExactly("new");
  }

  @Test
  void secretsAreWhsecAnd32RandomBytesBase64Url() {
    String secret = WebhookSigning.newSecret();
    assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
    assertThat(WebhookSigning.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void knownVector() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(WebhookSigning.hmac("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}
