package jp.uketsuke.webhooks;

/**
 * One event on its way to one webhook.
 *
 * @param status {@code retrying} until it is {@code delivered} or, after the retry window, {@code
 *     failed}
 * @param lastStatusCode the receiver's last HTTP status, null when it never answered
 */
public record Delivery(
    String eventId,
    String type,
    String status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    String createdAt,
    String deliveredAt) {
  static final String RETRYING = "retrying";
  static final String DELIVERED = "delivered";
  static final String FAILED = "failed";
}
