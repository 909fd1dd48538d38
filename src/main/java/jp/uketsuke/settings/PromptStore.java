package jp.uketsuke.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Settings items of {@code app-prompts}. Their {@code content} is a string for the prompt but a map
 * (or, in old items, a JSON string) for the configs, so this store speaks the plain client's
 * attribute values rather than a fixed bean schema.
 */
@ApplicationScoped
public class PromptStore {
  static final String SYSTEM = "system";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  public Optional<String> systemPrompt(String tenantId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b -> b.tableName(tables.prompts()).key(key(tenantId, SYSTEM)).consistentRead(true))
            .item();
    if (item == null || !item.containsKey("content")) {
      return Optional.empty();
    }
    return Optional.ofNullable(item.get("content").s());
  }

  public void saveSystemPrompt(String tenantId, String content) {
    Map<String, AttributeValue> item =
        Map.of(
            "client_id", AttributeValue.fromS(tenantId),
            "id", AttributeValue.fromS(SYSTEM),
            "content", AttributeValue.fromS(content),
            "updated_at", AttributeValue.fromS(Instant.now().toString()));
    dynamoDb.putItem(b -> b.tableName(tables.prompts()).item(item));
  }

  private static Map<String, AttributeValue> key(String tenantId, String id) {
    return Map.of("client_id", AttributeValue.fromS(tenantId), "id", AttributeValue.fromS(id));
  }
}
