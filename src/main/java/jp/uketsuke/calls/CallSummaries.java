package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Summaries of ended calls in {@code app-call-summaries}, keyed by tenant and call SID. The first
 * one written for a call is its only one: the conditional write is what makes a call end once,
 * whichever pod or route ends it.
 */
@ApplicationScoped
class CallSummaries {
  private static final int BATCH = 100;
  private static final int MAX_ATTEMPTS = 5;
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  Optional<CallSummary> find(String tenantId, String callSid) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.callSummaries())
                        .key(key(tenantId, callSid))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(summary(item));
  }

  /** The summaries of those of the calls that have ended, by call SID (batches of 100 keys). */
  Map<String, CallSummary> findAll(String tenantId, List<String> callSids) {
    Map<String, CallSummary> found = new HashMap<>();
    List<String> distinct = callSids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += BATCH) {
      List<Map<String, AttributeValue>> keys =
          distinct.subList(from, Math.min(distinct.size(), from + BATCH)).stream()
              .map(sid -> key(tenantId, sid))
              .toList();
      Map<String, KeysAndAttributes> request =
          Map.of(
              tables.callSummaries(),
              KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      for (int attempt = 0; !request.isEmpty(); attempt++) {
        if (attempt == MAX_ATTEMPTS) {
          throw ApiException.unavailable("Call summaries could not be read; try again.");
        }
        Map<String, KeysAndAttributes> ask = request;
        BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(ask));
        response
            .responses()
            .getOrDefault(tables.callSummaries(), List.of())
            .forEach(item -> found.put(item.get("call_sid").s(), summary(item)));
        request = response.unprocessedKeys();
        pause(attempt, request);
      }
    }
    return found;
  }

  private static void pause(int attempt, Map<String, KeysAndAttributes> left) {
    if (left.isEmpty()) {
      return;
    }
    try {
      Thread.sleep(50L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("Call summaries could not be read; try again.");
    }
  }

  /** Deletes the call's summary, if it has one. */
  void delete(String tenantId, String callSid) {
    dynamoDb.deleteItem(b -> b.tableName(tables.callSummaries()).key(key(tenantId, callSid)));
  }

  /** Whether this summary is the call's (false: the call had ended already). */
  boolean add(String tenantId, CallSummary summary) {
    Map<String, AttributeValue> item = key(tenantId, summary.callSid());
    put(item, "phone_number", summary.phoneNumber());
    put(item, "started_at", summary.startedAt());
    put(item, "ended_at", summary.endedAt());
    item.put("turns", AttributeValue.fromN(Integer.toString(summary.turns())));
    put(item, "text", summary.text());
    put(item, "caller_intent", summary.callerIntent());
    item.put(
        "tasks",
        AttributeValue.fromL(summary.tasks().stream().map(AttributeValue::fromS).toList()));
    put(item, "mode", summary.mode());
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.callSummaries())
                  .item(item)
                  .conditionExpression("attribute_not_exists(call_sid)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static CallSummary summary(Map<String, AttributeValue> item) {
    return new CallSummary(
        item.get("call_sid").s(),
        text(item, "phone_number"),
        text(item, "started_at"),
        text(item, "ended_at"),
        Integer.parseInt(item.get("turns").n()),
        Optional.ofNullable(text(item, "text")).orElse(""),
        text(item, "caller_intent"),
        item.get("tasks").l().stream().map(AttributeValue::s).toList(),
        text(item, "mode"));
  }

  static Map<String, AttributeValue> key(String tenantId, String callSid) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("client_id", AttributeValue.fromS(tenantId));
    key.put("call_sid", AttributeValue.fromS(callSid));
    return key;
  }

  private static void put(Map<String, AttributeValue> item, String field, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(field, AttributeValue.fromS(value));
    }
  }

  private static String text(Map<String, AttributeValue> item, String field) {
    AttributeValue value = item.get(field);
    return value == null ? null : value.s();
  }
}
