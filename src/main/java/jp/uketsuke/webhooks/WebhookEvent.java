package jp.uketsuke.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import jp.uketsuke.platform.Sha256;

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
    return id(now, random);
  }

  /**
   * The id of the event about one change, the same whenever that change is published again (a keyed
   * retry, a second end of the same call): the time of the change and a digest of the tenant, the
   * type and what names the change.
   */
  static String idOf(Instant changedAt, String tenantId, String type, String change) {
    return id(changedAt, Arrays.copyOf(Sha256.of(tenantId + "\n" + type + "\n" + change), 8));
  }

  private static String id(Instant at, byte[] suffix) {
    return "evt_" + String.format("%012x", at.toEpochMilli()) + HexFormat.of().formatHex(suffix);
  }
}
