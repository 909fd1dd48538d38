package jp.uketsuke.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook with its signing secrets: the current one, and the one it replaced while that still
 * signs too ({@code previousUntil}, 24 h after a rotation).
 */
record StoredWebhook(Webhook hook, String secret, String previousSecret, Instant previousUntil) {
  /** The secrets a delivery at {@code now} is signed with, current first. */
  List<String> signingSecrets(Instant now) {
    List<String> secrets = new ArrayList<>(List.of(secret));
    if (previousSecret != null && previousUntil != null && now.isBefore(previousUntil)) {
      secrets.add(previousSecret);
    }
    return secrets;
  }

  boolean wants(String type) {
    return hook.events().contains(type);
  }
}
