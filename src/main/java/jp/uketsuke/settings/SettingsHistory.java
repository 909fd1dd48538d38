package jp.uketsuke.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.PageTokens;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The kept versions of a setting: items {@code <id>#v000001}, ... beside the setting's own item in
 * the tenant's partition. Zero-padded numbers make the sort key order the version order, so the
 * newest is one descending query away.
 */
@ApplicationScoped
public class SettingsHistory {
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject PageTokens pageTokens;

  /** A stored version, content as stored. */
  public record Entry(
      int version,
      String createdAt,
      String createdBy,
      String createdByEmail,
      Integer restoredFrom,
      AttributeValue content) {}

  /** Versions newest first, and the token for older ones. */
  public record Page(List<Entry> items, String nextToken) {}

  /** 0 when nothing was kept yet. */
  int latestNumber(String tenantId, Setting setting) {
    QueryResponse newest = dynamoDb.query(query(tenantId, setting).limit(1).build());
    return newest.items().isEmpty() ? 0 : entry(newest.items().get(0)).version();
  }

  /**
   * @return false when another writer took that number first
   */
  boolean append(
      String tenantId,
      Setting setting,
      int version,
      AttributeValue content,
      Map<String, AttributeValue> author,
      Integer restoredFrom) {
    Map<String, AttributeValue> item = new HashMap<>(author);
    item.putAll(key(tenantId, versionId(setting, version)));
    item.put("version", AttributeValue.fromN(Integer.toString(version)));
    item.put("content", content);
    if (restoredFrom != null) {
      item.put("restored_from", AttributeValue.fromN(restoredFrom.toString()));
    }
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.prompts())
                  .item(item)
                  .conditionExpression("attribute_not_exists(#id)")
                  .expressionAttributeNames(Map.of("#id", "id")));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  Optional<AttributeValue> content(String tenantId, Setting setting, int version) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.prompts())
                        .key(key(tenantId, versionId(setting, version)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(item.get("content"));
  }

  Page list(String tenantId, Setting setting, int limit, String nextToken) {
    String fingerprint = "settings-versions|" + setting.id();
    QueryResponse response =
        dynamoDb.query(
            query(tenantId, setting)
                .limit(limit)
                .exclusiveStartKey(pageTokens.decode(tenantId, fingerprint, nextToken))
                .build());
    List<Entry> items = response.items().stream().map(SettingsHistory::entry).toList();
    String next =
        response.hasLastEvaluatedKey()
            ? pageTokens.encode(tenantId, fingerprint, response.lastEvaluatedKey())
            : null;
    return new Page(items, next);
  }

  private QueryRequest.Builder query(String tenantId, Setting setting) {
    return QueryRequest.builder()
        .tableName(tables.prompts())
        .keyConditionExpression("client_id = :t AND begins_with(#id, :prefix)")
        .expressionAttributeNames(Map.of("#id", "id"))
        .expressionAttributeValues(
            Map.of(
                ":t", AttributeValue.fromS(tenantId),
                ":prefix", AttributeValue.fromS(setting.id() + "#v")))
        .scanIndexForward(false)
        .consistentRead(true);
  }

  private static Entry entry(Map<String, AttributeValue> item) {
    AttributeValue restored = item.get("restored_from");
    return new Entry(
        Integer.parseInt(item.get("version").n()),
        text(item, "created_at"),
        text(item, "created_by"),
        text(item, "created_by_email"),
        restored == null ? null : Integer.valueOf(restored.n()),
        item.get("content"));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static String versionId(Setting setting, int version) {
    return "%s#v%06d".formatted(setting.id(), version);
  }

  static Map<String, AttributeValue> key(String tenantId, String id) {
    return Map.of("client_id", AttributeValue.fromS(tenantId), "id", AttributeValue.fromS(id));
  }
}
