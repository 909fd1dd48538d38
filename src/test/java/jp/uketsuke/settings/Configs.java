package jp.uketsuke.settings;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.uketsuke.testing.RawDynamo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Helpers for settings tests: exact comparison of configs and raw access to stored items. */
public final class Configs {
  private Configs() {}

  /**
   * Keys sorted (DynamoDB maps keep no order), numbers by value: DynamoDB itself stores a number's
   * canonical text ({@code 0.70} comes back as {@code 0.7}, {@code 1e3} as {@code 1000}), so the
   * value must survive exactly, and integers must stay integers (asserted separately).
   */
  static String canonical(JsonValue value) {
    if (value instanceof JsonObject object) {
      Map<String, String> sorted = new TreeMap<>();
      object.forEach((k, v) -> sorted.put(k, canonical(v)));
      return sorted.entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof JsonArray array) {
      return array.stream().map(Configs::canonical).collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof JsonNumber number) {
      BigDecimal exact = number.bigDecimalValue();
      return exact.signum() == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  /** The {@code config} of a reply, read with every number's text kept. */
  static String configOf(String replyBody) {
    return canonical(ExactJson.parse(replyBody).asJsonObject().get("config"));
  }

  static Map<String, AttributeValue> rawItem(String tenant, String id) {
    return RawDynamo.client()
        .getItem(
            b ->
                b.tableName(RawDynamo.table("prompts"))
                    .key(
                        Map.of(
                            "client_id", AttributeValue.fromS(tenant),
                            "id", AttributeValue.fromS(id))))
        .item();
  }

  /** Writes a setting item as stored, bypassing the service (for content it would refuse). */
  public static void putRaw(String tenant, String id, AttributeValue content) {
    RawDynamo.client()
        .putItem(
            b ->
                b.tableName(RawDynamo.table("prompts"))
                    .item(
                        Map.of(
                            "client_id", AttributeValue.fromS(tenant),
                            "id", AttributeValue.fromS(id),
                            "content", content,
                            "updated_at", AttributeValue.fromS("2025-09-01T00:00:00+00:00"))));
  }
}
