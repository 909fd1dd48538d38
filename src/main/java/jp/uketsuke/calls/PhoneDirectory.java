package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;
import static jp.uketsuke.calls.LogItems.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The per-tenant phone directory in {@code app-phones}: last activity, turn count and last call SID
 * per phone, kept current by every write so that listing callers never reads the call history.
 * Without transactions each change is one atomic update: the count is added unconditionally, the
 * last activity only moves forward.
 */
@ApplicationScoped
public class PhoneDirectory {
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  /** Counts a stored turn and moves last activity forward if the turn is the newest. */
  public void recordTurn(String tenantId, Turn turn) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":one", AttributeValue.fromN("1"));
    values.put(":ts", s(turn.ts()));
    String set = "SET last_ts = :ts REMOVE last_call_sid";
    if (turn.callSid() != null) {
      values.put(":sid", s(turn.callSid()));
      set = "SET last_ts = :ts, last_call_sid = :sid";
    }
    try {
      dynamoDb.updateItem(
          update(tenantId, turn.phoneNumber())
              .updateExpression(set + " ADD turns :one")
              .conditionExpression("attribute_not_exists(last_ts) OR last_ts < :ts")
              .expressionAttributeValues(values)
              .build());
    } catch (ConditionalCheckFailedException olderThanLast) {
      // An older turn (or one written concurrently with a newer one) still counts.
      dynamoDb.updateItem(
          update(tenantId, turn.phoneNumber())
              .updateExpression("ADD turns :one")
              .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
              .build());
    }
  }

  /**
   * Uncounts deleted turns; an entry without turns left is removed. Last activity stays as it was:
   * the call took place even if its log is gone.
   */
  public void forget(String tenantId, String phone, int turns) {
    if (turns <= 0) {
      return;
    }
    try {
      dynamoDb.updateItem(
          update(tenantId, phone)
              .updateExpression("ADD turns :minus")
              .conditionExpression("attribute_exists(phone_number)")
              .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-" + turns)))
              .build());
      dynamoDb.deleteItem(
          b ->
              b.tableName(tables.phones())
                  .key(key(tenantId, phone))
                  .conditionExpression("turns <= :zero")
                  .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
    } catch (ConditionalCheckFailedException noEntryOrTurnsLeft) {
      // Nothing to uncount (legacy data before a rebuild), or the entry still has turns.
    }
  }

  /** The tenant's callers, newest activity first. */
  public List<PhoneEntry> list(String tenantId) {
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(tables.phones())
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", s(tenantId))))
        .items()
        .stream()
        .map(PhoneDirectory::entry)
        .sorted(
            Comparator.comparing(
                    PhoneEntry::lastTs, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PhoneEntry::phoneNumber))
        .toList();
  }

  /** Replaces an entry with recomputed values (used by the rebuild). */
  void put(String tenantId, PhoneEntry entry) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenantId, entry.phoneNumber()));
    item.put("turns", AttributeValue.fromN(Long.toString(entry.turns())));
    if (entry.lastTs() != null) {
      item.put("last_ts", s(entry.lastTs()));
    }
    if (entry.lastCallSid() != null) {
      item.put("last_call_sid", s(entry.lastCallSid()));
    }
    dynamoDb.putItem(b -> b.tableName(tables.phones()).item(item));
  }

  /** Removes an entry; true when there was one. */
  public boolean remove(String tenantId, String phone) {
    Map<String, AttributeValue> old =
        dynamoDb
            .deleteItem(
                b ->
                    b.tableName(tables.phones())
                        .key(key(tenantId, phone))
                        .returnValues(ReturnValue.ALL_OLD))
            .attributes();
    return old != null && !old.isEmpty();
  }

  private UpdateItemRequest.Builder update(String tenantId, String phone) {
    return UpdateItemRequest.builder().tableName(tables.phones()).key(key(tenantId, phone));
  }

  private static Map<String, AttributeValue> key(String tenantId, String phone) {
    return Map.of("client_id", s(tenantId), "phone_number", s(phone));
  }

  private static PhoneEntry entry(Map<String, AttributeValue> item) {
    AttributeValue turns = item.get("turns");
    return new PhoneEntry(
        text(item, "phone_number"),
        text(item, "last_ts"),
        turns == null ? 0 : Long.parseLong(turns.n()),
        text(item, "last_call_sid"));
  }
}
