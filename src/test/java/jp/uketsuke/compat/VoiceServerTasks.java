package jp.uketsuke.compat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.VoiceServerLog;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code app-tasks} written the way the voice server in production writes it (boto3, straight to
 * the table, tenant from its own configuration): {@code PutItem} that overwrites, with {@code name,
 * request, start_datetime, phone_number, address, created_at, updated_at} all strings as the model
 * gave them, and {@code UpdateItem} with {@code SET} of the given fields and {@code updated_at}.
 * Timestamps are Python's {@code isoformat(timespec="microseconds")} in UTC.
 */
final class VoiceServerTasks {
  private VoiceServerTasks() {}

  static String isoformat(Instant at) {
    return VoiceServerLog.isoformat(at);
  }

  /** The fields the voice server's create_task puts, in its order. */
  static Map<String, String> task(
      String name, String request, String start, String phone, String address, String at) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("request", request);
    fields.put("start_datetime", start);
    fields.put("phone_number", phone);
    fields.put("address", address);
    fields.put("created_at", at);
    fields.put("updated_at", at);
    return fields;
  }

  /** {@code PutItem} without a condition: it replaces whatever was there. */
  static void put(String tenant, Map<String, String> fields) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", AttributeValue.fromS(tenant));
    fields.forEach((field, value) -> item.put(field, AttributeValue.fromS(value)));
    RawDynamo.client().putItem(b -> b.tableName(RawDynamo.table("tasks")).item(item));
  }

  /** {@code UpdateItem} with {@code SET} of the given fields and {@code updated_at}. */
  static void update(String tenant, String name, Map<String, String> fields, String at) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> sets = new ArrayList<>();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("updated_at", at);
    int i = 0;
    for (Map.Entry<String, String> field : all.entrySet()) {
      names.put("#k" + i, field.getKey());
      values.put(":v" + i, AttributeValue.fromS(field.getValue()));
      sets.add("#k" + i + " = :v" + i);
      i++;
    }
    RawDynamo.client()
        .updateItem(
            b ->
                b.tableName(RawDynamo.table("tasks"))
                    .key(key(tenant, name))
                    .updateExpression("SET " + String.join(", ", sets))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
  }

  /** The item as stored, for checking what the service wrote. */
  static Map<String, AttributeValue> stored(String tenant, String name) {
    return RawDynamo.client()
        .getItem(
            b -> b.tableName(RawDynamo.table("tasks")).key(key(tenant, name)).consistentRead(true))
        .item();
  }

  private static Map<String, AttributeValue> key(String tenant, String name) {
    return Map.of("client_id", AttributeValue.fromS(tenant), "name", AttributeValue.fromS(name));
  }
}
