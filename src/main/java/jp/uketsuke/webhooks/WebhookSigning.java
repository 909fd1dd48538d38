package jp.uketsuke.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets and the {@code Uketsuke-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">}, one {@code v1=} per secret that still signs (docs/webhooks.md).
 */
final class WebhookSigning {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigning() {}

  /** {@code whsec_} and 32 random bytes, base64url. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String header(long unixSeconds, String body, List<String> secrets) {
    StringBuilder header = new StringBuilder("t=").append(unixSeconds);
    for (String secret : secrets) {
      header.append(",v1=").append(hmac(secret, unixSeconds + "." + body));
    }
    return header.toString();
  }

  static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
