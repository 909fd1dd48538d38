package jp.uketsuke.calls;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The shape of {@code app-logs} items: {@code client_id}, {@code sk = <phone>#<ts>}, {@code
 * phone_number}, {@code ts}, the texts and {@code call_sid}. Attribute names are shared with the
 * old backend, which may run beside this one.
 */
final class LogItems {
  static final String TENANT = "client_id";
  static final String SK = "sk";

  /**
   * Which write stored the item: a conditional put that finds an item with its own mark knows that
   * an earlier attempt of the same write got through (a retry after a lost answer).
   */
  static final String WRITE_ID = "write_id";

  /**
   * Who counts the turn in the phone directory: absent for turns the catch-up reads (this service's
   * fresh turns and every turn the voice server writes), {@link #WRITER_COUNTS} on a turn stored
   * with an old time, which its writer counts, and {@link #WRITER_COUNTED} once it has.
   */
  static final String DIRECTORY = "directory";

  static final String WRITER_COUNTS = "writer";
  static final String WRITER_COUNTED = "counted";

  /** The attributes of the turn itself, which extra attributes may not replace. */
  static final Set<String> OWN =
      Set.of(
          TENANT,
          SK,
          "phone_number",
          "ts",
          "user_text",
          "assistant_text",
          "call_sid",
          WRITE_ID,
          DIRECTORY);

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

  /** Adds extra attributes: strings, numbers and lists of strings; nulls are left out. */
  static void addExtra(Map<String, AttributeValue> item, Map<String, Object> extra) {
    extra.forEach(
        (name, value) -> {
          if (OWN.contains(name)) {
            throw new IllegalArgumentException(name + " is an attribute of the turn itself");
          }
          if (value != null) {
            item.put(name, attribute(value));
          }
        });
  }

  /** The attributes of an item other than the turn's own, as {@link #addExtra} took them. */
  static Map<String, Object> extra(Map<String, AttributeValue> item) {
    Map<String, Object> extra = new LinkedHashMap<>();
    item.forEach(
        (name, value) -> {
          if (!OWN.contains(name)) {
            extra.put(name, plain(value));
          }
        });
    return extra;
  }

  private static AttributeValue attribute(Object value) {
    if (value instanceof Number number) {
      return AttributeValue.fromN(number.toString());
    }
    if (value instanceof List<?> list) {
      return AttributeValue.fromL(list.stream().map(v -> s(String.valueOf(v))).toList());
    }
    return s(value.toString());
  }

  private static Object plain(AttributeValue value) {
    if (value.n() != null) {
      return new BigDecimal(value.n());
    }
    if (value.hasL()) {
      return value.l().stream().map(AttributeValue::s).toList();
    }
    return value.s();
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
