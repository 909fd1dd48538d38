package jp.uketsuke.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * One event as every receiver gets it: {@code {id, type, created_at, data}}, kept as the exact body
 * text so that every attempt sends (and signs) the same bytes. Ids sort by creation time.
 */
record WebhookEvent(String id, String type, String createdAt, String body) {
  /** What a webhook may subscribe to. */
  static final Set<String> SUBSCRIBABLE =
      Set.of(
          WebhookEvents.TASK_CREATED,
          WebhookEvents.TASK_UPDATED,
          WebhookEvents.TASK_CANCELLED,
          WebhookEvents.CALL_ENDED);

  static final String TEST = "webhook.test";

  private static final SecureRandom RANDOM = new SecureRandom();

  static String newId(Instant now) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return "evt_" + String.format("%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random);
  }
}
