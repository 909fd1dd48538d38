package jp.uketsuke.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deliveries written but not yet handed to the queue, in {@code app-webhooks} under the partition
 * {@code #outbox} (no tenant id holds {@code #}), sorted by when they were written. An entry is
 * written before the change is acknowledged and deleted once the queue took its message; an entry
 * older than a grace period was left by a pod that stopped in between, and any pod sends it again.
 */
@ApplicationScoped
class WebhookOutbox {
  private static final String PARTITION = "#outbox";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  record Entry(String sk, QueuedDelivery delivery) {}

  Entry add(QueuedDelivery delivery, Instant now) {
    String sk =
        Timestamps.format(now)
            + "#"
            + delivery.tenantId()
            + "#"
            + delivery.hookId()
            + "#"
            + delivery.eventId();
    Map<String, AttributeValue> item = WebhookStore.key(PARTITION, sk);
    item.put("tenant", WebhookStore.s(delivery.tenantId()));
    item.put("hook_id", WebhookStore.s(delivery.hookId()));
    item.put("event_id", WebhookStore.s(delivery.eventId()));
    dynamoDb.putItem(b -> b.tableName(tables.webhooks()).item(item));
    return new Entry(sk, delivery);
  }

  void remove(Entry entry) {
    dynamoDb.deleteItem(
        b -> b.tableName(tables.webhooks()).key(WebhookStore.key(PARTITION, entry.sk())));
  }

  /** Entries written before {@code before}, oldest first, at most {@code limit}. */
  List<Entry> left(Instant before, int limit) {
    return dynamoDb
        .query(
            b ->
                b.tableName(tables.webhooks())
                    .keyConditionExpression("client_id = :p AND sk < :b")
                    .expressionAttributeValues(
                        Map.of(
                            ":p", WebhookStore.s(PARTITION),
                            ":b", WebhookStore.s(Timestamps.format(before))))
                    .limit(limit)
                    .consistentRead(true))
        .items()
        .stream()
        .map(
            item ->
                new Entry(
                    item.get("sk").s(),
                    new QueuedDelivery(
                        item.get("tenant").s(), item.get("hook_id").s(), item.get("event_id").s())))
        .toList();
  }
}
