package jp.uketsuke.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The webhooks of a tenant ({@code hook#<id>}) and their deliveries ({@code
 * delivery#<hook>#<event>}, event ids sort by time) in {@code app-webhooks}, keyed by the tenant.
 */
@ApplicationScoped
class WebhookStore {
  private static final String HOOK = "hook#";
  private static final String DELIVERY = "delivery#";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  /** Saves a new webhook; ids are random, so a clash is a bug, not a conflict. */
  void create(String tenantId, Webhook hook, String secret) {
    Map<String, AttributeValue> item = key(tenantId, HOOK + hook.id());
    item.put("id", s(hook.id()));
    item.put("url", s(hook.url()));
    item.put("events", AttributeValue.fromL(hook.events().stream().map(WebhookStore::s).toList()));
    if (hook.description() != null) {
      item.put("description", s(hook.description()));
    }
    item.put("created_at", s(hook.createdAt()));
    item.put("secret", s(secret));
    dynamoDb.putItem(
        b ->
            b.tableName(tables.webhooks())
                .item(item)
                .conditionExpression("attribute_not_exists(sk)"));
  }

  List<StoredWebhook> all(String tenantId) {
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(tables.webhooks())
                    .keyConditionExpression("client_id = :t AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":t", s(tenantId), ":p", s(HOOK)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(WebhookStore::stored)
        .toList();
  }

  Optional<StoredWebhook> find(String tenantId, String id) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.webhooks())
                        .key(key(tenantId, HOOK + id))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
  }

  boolean delete(String tenantId, String id) {
    Map<String, AttributeValue> old =
        dynamoDb
            .deleteItem(
                b ->
                    b.tableName(tables.webhooks())
                        .key(key(tenantId, HOOK + id))
                        .returnValues(ReturnValue.ALL_OLD))
            .attributes();
    return old != null && !old.isEmpty();
  }

  /** The new secret signs from now on, the old one also until {@code previousUntil}. */
  boolean rotate(String tenantId, String id, String newSecret, Instant previousUntil) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tables.webhooks())
                  .key(key(tenantId, HOOK + id))
                  .conditionExpression("attribute_exists(sk)")
                  .updateExpression(
                      "SET previous_secret = secret, secret = :s, previous_until = :u")
                  .expressionAttributeValues(
                      Map.of(":s", s(newSecret), ":u", s(previousUntil.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * A new delivery in {@code retrying}, with the exact body every attempt sends; false when this
   * webhook has a delivery of the event already (the change was published before), which is left as
   * it is.
   */
  boolean addDelivery(String tenantId, String hookId, WebhookEvent event) {
    Map<String, AttributeValue> item = key(tenantId, deliveryKey(hookId, event.id()));
    item.put("event_id", s(event.id()));
    item.put("type", s(event.type()));
    item.put("status", s(Delivery.RETRYING));
    item.put("attempts", AttributeValue.fromN("0"));
    item.put("created_at", s(event.createdAt()));
    item.put("body", s(event.body()));
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.webhooks())
                  .item(item)
                  .conditionExpression("attribute_not_exists(sk)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  record Pending(Delivery delivery, String body) {}

  Optional<Pending> delivery(String tenantId, String hookId, String eventId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.webhooks())
                        .key(key(tenantId, deliveryKey(hookId, eventId)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(new Pending(delivery(item), item.get("body").s()));
  }

  /** The outcome of one attempt. */
  void attempted(String tenantId, String hookId, Delivery after) {
    Map<String, String> names = Map.of("#s", "status");
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":s", s(after.status()));
    values.put(":a", AttributeValue.fromN(Integer.toString(after.attempts())));
    StringBuilder set = new StringBuilder("SET #s = :s, attempts = :a");
    StringBuilder remove = new StringBuilder();
    optional(set, remove, values, "last_status_code", after.lastStatusCode());
    optional(set, remove, values, "last_error", after.lastError());
    optional(set, remove, values, "delivered_at", after.deliveredAt());
    String expression = set + (remove.isEmpty() ? "" : " REMOVE " + remove);
    dynamoDb.updateItem(
        b ->
            b.tableName(tables.webhooks())
                .key(key(tenantId, deliveryKey(hookId, after.eventId())))
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
  }

  record Page(List<Delivery> items, Map<String, AttributeValue> lastKey) {}

  /** Newest first. */
  Page deliveries(String tenantId, String hookId, int limit, Map<String, AttributeValue> startKey) {
    QueryResponse response =
        dynamoDb.query(
            b ->
                b.tableName(tables.webhooks())
                    .keyConditionExpression("client_id = :t AND begins_with(sk, :p)")
                    .expressionAttributeValues(
                        Map.of(":t", s(tenantId), ":p", s(DELIVERY + hookId + "#")))
                    .scanIndexForward(false)
                    .limit(limit)
                    .exclusiveStartKey(startKey)
                    .consistentRead(true));
    Map<String, AttributeValue> last = response.lastEvaluatedKey();
    return new Page(
        response.items().stream().map(WebhookStore::delivery).toList(),
        last == null || last.isEmpty() ? null : last);
  }

  private static void optional(
      StringBuilder set,
      StringBuilder remove,
      Map<String, AttributeValue> values,
      String field,
      Object value) {
    if (value == null) {
      remove.append(remove.isEmpty() ? "" : ", ").append(field);
      return;
    }
    String name = ":" + field;
    set.append(", ").append(field).append(" = ").append(name);
    values.put(
        name,
        value instanceof Integer n ? AttributeValue.fromN(n.toString()) : s(value.toString()));
  }

  private static StoredWebhook stored(Map<String, AttributeValue> item) {
    Webhook hook =
        new Webhook(
            item.get("id").s(),
            item.get("url").s(),
            item.get("events").l().stream().map(AttributeValue::s).toList(),
            text(item, "description"),
            item.get("created_at").s());
    String until = text(item, "previous_until");
    return new StoredWebhook(
        hook,
        item.get("secret").s(),
        text(item, "previous_secret"),
        until == null ? null : Instant.parse(until));
  }

  private static Delivery delivery(Map<String, AttributeValue> item) {
    AttributeValue code = item.get("last_status_code");
    return new Delivery(
        item.get("event_id").s(),
        item.get("type").s(),
        item.get("status").s(),
        Integer.parseInt(item.get("attempts").n()),
        code == null ? null : Integer.valueOf(code.n()),
        text(item, "last_error"),
        item.get("created_at").s(),
        text(item, "delivered_at"));
  }

  static Map<String, AttributeValue> key(String tenantId, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("client_id", s(tenantId));
    key.put("sk", s(sk));
    return key;
  }

  private static String deliveryKey(String hookId, String eventId) {
    return DELIVERY + hookId + "#" + eventId;
  }

  private static String text(Map<String, AttributeValue> item, String field) {
    AttributeValue value = item.get(field);
    return value == null ? null : value.s();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
