package jp.uketsuke.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.Caller;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The settings items of {@code app-prompts}, with their history. The item {@code <id>} holds the
 * current content where the old backend and the chat engine read it; every save also appends an
 * item {@code <id>#v000042} that nobody overwrites. Without transactions, the append is what
 * serialises writers: each claims a free number with a conditional put, skipping numbers others
 * took, and the current item only moves to a higher number, so two concurrent saves both stay in
 * the history and the later number wins.
 */
@ApplicationScoped
public class SettingsStore {
  private static final int MAX_CLAIMS = 100;
  private static final int MAX_BATCH_ATTEMPTS = 5;
  static final String UNKNOWN_AUTHOR = "unknown";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject SettingsHistory history;

  /**
   * The current content of a setting: a string (prompt) or a map, or a JSON string in old items.
   */
  public Optional<AttributeValue> current(String tenantId, Setting setting) {
    return currentItem(tenantId, setting).map(item -> item.get("content"));
  }

  /**
   * The current items with the given ids, read in one BatchGetItem (consistent reads); ids without
   * an item are missing from the map. Unprocessed keys (throttling) are asked for again.
   */
  Map<String, Map<String, AttributeValue>> currentItems(String tenantId, List<String> ids) {
    List<Map<String, AttributeValue>> keys =
        ids.stream().map(id -> SettingsHistory.key(tenantId, id)).toList();
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    Map<String, KeysAndAttributes> pending =
        Map.of(
            tables.prompts(), KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == MAX_BATCH_ATTEMPTS) {
        throw new IllegalStateException("settings not read: the store kept deferring keys");
      }
      Map<String, KeysAndAttributes> ask = pending;
      BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(ask));
      response
          .responses()
          .getOrDefault(tables.prompts(), List.of())
          .forEach(item -> found.put(item.get("id").s(), item));
      pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return found;
  }

  /**
   * Saves {@code content} as the newest version and makes it current.
   *
   * @param restoredFrom the version being restored, or null for an ordinary save
   * @return the new version's number
   */
  public int save(
      String tenantId, Setting setting, AttributeValue content, Caller by, Integer restoredFrom) {
    Optional<Map<String, AttributeValue>> current = currentItem(tenantId, setting);
    int next = history.latestNumber(tenantId, setting) + 1;
    if (writtenElsewhere(current)) {
      // The old backend writes the item directly: keep what it wrote before replacing it.
      Map<String, AttributeValue> old = current.get();
      next = appendFrom(tenantId, setting, next, old.get("content"), authorOf(old), null) + 1;
    }
    Map<String, AttributeValue> author = author(by, Timestamps.now());
    int version = appendFrom(tenantId, setting, next, content, author, restoredFrom);
    makeCurrent(tenantId, setting, version, content, author);
    return version;
  }

  /**
   * Claims the first free number from {@code next} on; a number another writer took first is
   * skipped, so concurrent saves get consecutive numbers and none is lost.
   */
  private int appendFrom(
      String tenantId,
      Setting setting,
      int next,
      AttributeValue content,
      Map<String, AttributeValue> author,
      Integer restoredFrom) {
    for (int version = next; version < next + MAX_CLAIMS; version++) {
      if (history.append(tenantId, setting, version, content, author, restoredFrom)) {
        return version;
      }
    }
    throw ApiException.conflict("The setting is being changed by many at once; try again.");
  }

  /** The content of one version, as stored. */
  public Optional<AttributeValue> versionContent(String tenantId, Setting setting, int version) {
    return history.content(tenantId, setting, version);
  }

  public SettingsHistory.Page versions(
      String tenantId, Setting setting, int limit, String nextToken) {
    return history.list(tenantId, setting, limit, nextToken);
  }

  private Optional<Map<String, AttributeValue>> currentItem(String tenantId, Setting setting) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.prompts())
                        .key(SettingsHistory.key(tenantId, setting.id()))
                        .consistentRead(true))
            .item();
    return item == null || !item.containsKey("content") ? Optional.empty() : Optional.of(item);
  }

  /** Content that no version of ours describes: written by the old backend, or before versions. */
  private static boolean writtenElsewhere(Optional<Map<String, AttributeValue>> current) {
    return current.isPresent() && !current.get().containsKey("version");
  }

  private void makeCurrent(
      String tenantId,
      Setting setting,
      int version,
      AttributeValue content,
      Map<String, AttributeValue> author) {
    Map<String, AttributeValue> item = new HashMap<>(SettingsHistory.key(tenantId, setting.id()));
    item.put("content", content);
    item.put("version", AttributeValue.fromN(Integer.toString(version)));
    item.put("updated_at", author.get("created_at"));
    item.put("updated_by", author.get("created_by"));
    if (author.containsKey("created_by_email")) {
      item.put("updated_by_email", author.get("created_by_email"));
    }
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.prompts())
                  .item(item)
                  .conditionExpression("attribute_not_exists(#v) OR #v < :v")
                  .expressionAttributeNames(Map.of("#v", "version"))
                  .expressionAttributeValues(Map.of(":v", item.get("version"))));
    } catch (ConditionalCheckFailedException e) {
      // A later version is already current; this one stays in the history only.
    }
  }

  private static Map<String, AttributeValue> author(Caller by, String now) {
    Map<String, AttributeValue> author = new HashMap<>();
    author.put("created_at", AttributeValue.fromS(now));
    author.put("created_by", AttributeValue.fromS(by.subject()));
    if (by.email() != null) {
      author.put("created_by_email", AttributeValue.fromS(by.email()));
    }
    return author;
  }

  private static Map<String, AttributeValue> authorOf(Map<String, AttributeValue> old) {
    Map<String, AttributeValue> author = new HashMap<>();
    author.put(
        "created_at", old.getOrDefault("updated_at", AttributeValue.fromS(Timestamps.now())));
    author.put("created_by", old.getOrDefault("updated_by", AttributeValue.fromS(UNKNOWN_AUTHOR)));
    return author;
  }
}
