package jp.uketsuke.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.RawDynamo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Direct access to the local DynamoDB for tests: seeds items as the old backend and the voice
 * server wrote them (fast, in batches, without going through the API) and reads what the service
 * stored.
 */
final class RawTables {
  static final String LOGS = "app-logs";
  static final String PHONES = "app-phones";
  static final String TASKS = "app-tasks";
  static final String TRANSCRIPTS = "app-transcripts";

  private RawTables() {}

  static DynamoDbClient client() {
    return RawDynamo.client();
  }

  /** A log item as the old backend wrote it (no directory entry). */
  static Map<String, AttributeValue> turn(
      String tenant, String phone, String ts, String userText, String callSid) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", s(tenant));
    item.put("sk", s(phone + "#" + ts));
    item.put("phone_number", s(phone));
    item.put("ts", s(ts));
    if (userText != null) {
      item.put("user_text", s(userText));
    }
    if (callSid != null) {
      item.put("call_sid", s(callSid));
    }
    return item;
  }

  static void putAll(String table, List<Map<String, AttributeValue>> items) {
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> batch = new ArrayList<>();
      for (Map<String, AttributeValue> item :
          items.subList(from, Math.min(items.size(), from + 25))) {
        batch.add(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(table, batch);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = client().batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    return client().getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
  }

  /** Every item of the tenant in a table (test-sized data only). */
  static List<Map<String, AttributeValue>> all(String table, String tenant) {
    return client()
        .queryPaginator(
            b ->
                b.tableName(table)
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", s(tenant)))
                    .consistentRead(true))
        .items()
        .stream()
        .toList();
  }

  /** How many items of the tenant a table holds (test-sized data only). */
  static int count(String table, String tenant) {
    return all(table, tenant).size();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
