package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
  void aTokenHoldsNoReadableKeyTenantOrNumberEvenWhenDecoded() {
    String token = tokens.encode("garden", "calls:phone=09012345678", lastKey);
    // Every part a token might have (the old form was "payload.signature"), each decoded.
    String decoded =
        Arrays.stream(token.split("\\."))
            .map(
                part ->
                    new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1))
            .collect(Collectors.joining("|"));

    // Each four characters or more: the ciphertext is random bytes, in which a two-letter
    // string such as "sk" turns up by chance in about one token of a few hundred.
    assertThat(decoded).doesNotContain("0901234", "garden", "client_id", "\"sk\"", "2025-11-11");
    for (String phone : List.of("09012345678", "9012345678", "12345678")) {
      assertThat(token).doesNotContain(base64Forms(phone));
    }
  }

  @Test
  void aPositionOfTextFieldsRoundTripsAndAKeyWithANumberIsNoPosition() {
    Map<String, String> position = Map.of("name", "table-3", "start_at", "2025-12-24T10:00:00Z");
    String token = tokens.encodePosition("garden", "tasks", position);

    assertThat(tokens.decodePosition("garden", "tasks", token)).isEqualTo(position);
    assertThat(tokens.encodePosition("garden", "tasks", null)).isNull();
    assertThat(tokens.decodePosition("garden", "tasks", null)).isNull();
    assertThatThrownBy(
            () -> tokens.decodePosition("garden", "q", tokens.encode("garden", "q", lastKey)))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void twoTokensForTheSameKeyDiffer() {
    assertThat(tokens.encode("garden", "q", lastKey))
        .isNotEqualTo(tokens.encode("garden", "q", lastKey));
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
    assertBadRequest(() -> tokens.decode("garden", "q", token.substring(0, 20)));
  }

  @Test
  void flippingAnyBitOfATokenGetsItRefused() {
    String token = tokens.encode("garden", "q", lastKey);
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = bytes.clone();
        flipped[i] ^= (byte) (1 << bit);
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
        assertBadRequest(() -> tokens.decode("garden", "q", tampered));
      }
    }
  }

  /**
   * How a text shows inside any base64 (or base64url) encoding of a longer message, at each of the
   * three byte alignments: only the characters that depend on the text alone.
   */
  static List<String> base64Forms(String text) {
    List<String> forms = new java.util.ArrayList<>();
    for (int pad = 0; pad < 3; pad++) {
      byte[] padded = ("x".repeat(pad) + text).getBytes(StandardCharsets.UTF_8);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
      int from = pad == 0 ? 0 : pad + 1;
      int to = padded.length / 3 * 4;
      String form = encoded.substring(from, to);
      forms.add(form);
      forms.add(form.replace('+', '-').replace('/', '_'));
    }
    return forms;
  }

  private static void assertBadRequest(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }
}
