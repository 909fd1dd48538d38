package jp.uketsuke.chat;

import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.RawDynamo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the service stored, read straight from the local DynamoDB. */
final class ChatTables {
  private ChatTables() {}

  /** The tenant's call-log items in key order (phone, then time). */
  static List<Map<String, AttributeValue>> turns(String tenant) {
    return RawDynamo.client()
        .queryPaginator(
            b ->
                b.tableName(RawDynamo.table("logs"))
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant))))
        .items()
        .stream()
        .toList();
  }

  static void put(Map<String, AttributeValue> item) {
    RawDynamo.client().putItem(b -> b.tableName(RawDynamo.table("logs")).item(item));
  }

  /** An item as the old backend or the voice server wrote it. */
  static Map<String, AttributeValue> legacyTurn(
      String tenant, String phone, String ts, String field, String text, String callSid) {
    var item =
        new java.util.HashMap<>(
            Map.of(
                "client_id",
                AttributeValue.fromS(tenant),
                "sk",
                AttributeValue.fromS(phone + "#" + ts),
                "phone_number",
                AttributeValue.fromS(phone),
                "ts",
                AttributeValue.fromS(ts),
                field,
                AttributeValue.fromS(text)));
    if (callSid != null) {
      item.put("call_sid", AttributeValue.fromS(callSid));
    }
    return item;
  }

  static String s(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s() != null ? value.s() : value.n();
  }
}
