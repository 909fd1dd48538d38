package jp.uketsuke.calls;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shape of {@code app-logs} items: {@code client_id}, {@code sk = <phone>#<ts>}, {@code
 * phone_number}, {@code ts}, the texts and {@code call_sid}. Attribute names are shared with the
 * old backend, which may run beside this one.
 */
final class LogItems {
  static final String TENANT = "client_id";
  static final String SK = "sk";

  private LogItems() {}

  static String sk(String phone, String ts) {
    return phone + "#" + ts;
  }

  static Map<String, AttributeValue> key(String tenantId, String phone, String ts) {
    return Map.of(TENANT, s(tenantId), SK, s(sk(phone, ts)));
  }

  static Map<String, AttributeValue> item(String tenantId, Turn turn) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenantId, turn.phoneNumber(), turn.ts()));
    item.put("phone_number", s(turn.phoneNumber()));
    item.put("ts", s(turn.ts()));
    putIfPresent(item, "user_text", turn.userText());
    putIfPresent(item, "assistant_text", turn.assistantText());
    putIfPresent(item, "call_sid", turn.callSid());
    return item;
  }

  /** Reads an item; the key is the truth for phone and time when an old item lacks attributes. */
  static Turn turn(Map<String, AttributeValue> item) {
    String sk = text(item, SK);
    int hash = sk == null ? -1 : sk.lastIndexOf('#');
    String phone = hash < 0 ? text(item, "phone_number") : sk.substring(0, hash);
    String ts = text(item, "ts");
    return new Turn(
        phone,
        ts != null || hash < 0 ? ts : sk.substring(hash + 1),
        text(item, "user_text"),
        text(item, "assistant_text"),
        text(item, "call_sid"));
  }

  /** The primary key of an item read through an index. */
  static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    return Map.of(TENANT, item.get(TENANT), SK, item.get(SK));
  }

  static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }
}
