package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** next_token: opaque, round-trips, and useless to another tenant, another query or a forger. */
class PageTokensTest {
  private final PageTokens tokens = new PageTokens("a-test-secret-of-enough-length");
  private final Map<String, AttributeValue> lastKey =
      Map.of(
          "client_id", AttributeValue.fromS("garden"),
          "sk", AttributeValue.fromS("09012345678#2025-11-11T14:20:08.123456+00:00"),
          "n", AttributeValue.fromN("42"));

  @Test
  void aTokenContinuesTheQueryItWasGivenFor() {
    String token = tokens.encode("garden", "calls:desc", lastKey);

    assertThat(token).doesNotContain("garden").doesNotContain("0901234");
    assertThat(tokens.decode("garden", "calls:desc", token)).isEqualTo(lastKey);
  }

  @Test
  void noLastKeyMeansNoTokenAndNoTokenMeansTheFirstPage() {
    assertThat(tokens.encode("garden", "q", Map.of())).isNull();
    assertThat(tokens.encode("garden", "q", null)).isNull();
    assertThat(tokens.decode("garden", "q", null)).isNull();
    assertThat(tokens.decode("garden", "q", " ")).isNull();
  }

  @Test
  void anotherTenantsTokenIsRefused() {
    String token = tokens.encode("garden", "q", lastKey);
    assertBadRequest(() -> tokens.decode("clinic", "q", token));
  }

  @Test
  void aTokenOfAnotherQueryIsRefused() {
    String token = tokens.encode("garden", "calls:phone=090", lastKey);
    assertBadRequest(() -> tokens.decode("garden", "calls:phone=080", token));
  }

  @Test
  void aTamperedOrForeignTokenIsRefused() {
    String token = tokens.encode("garden", "q", lastKey);
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    String forged =
        new PageTokens("another-secret-of-enough-length").encode("garden", "q", lastKey);

    assertBadRequest(() -> tokens.decode("garden", "q", tampered));
    assertBadRequest(() -> tokens.decode("garden", "q", forged));
    assertBadRequest(() -> tokens.decode("garden", "q", "{\"sk\": \"x\"}"));
    assertBadRequest(() -> tokens.decode("garden", "q", "%%%.%%%"));
  }

  private static void assertBadRequest(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }
}
