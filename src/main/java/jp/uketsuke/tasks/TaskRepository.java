package jp.uketsuke.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@code app-tasks} items of one tenant. Every write is conditional: a create never replaces an
 * item, and an update or delete never brings one back to life. Items are read attribute by
 * attribute, so old items with fewer attributes come back as they are.
 */
@ApplicationScoped
public class TaskRepository {
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  /** Which write stored an item, so that a retry of that write recognises it as its own. */
  static final String WRITE_ID = "write_id";

  /** Tasks in name order, and the name of the last one read when more follow (else null). */
  public record Page(List<Task> items, String lastName) {}

  public Optional<Task> find(String tenantId, String name) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(tables.tasks()).key(key(tenantId, name)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TaskItems.task(item));
  }

  /**
   * Stores a new task under its name, marked with {@code writeId}: never over another task.
   *
   * @param writeId the same for every attempt of one write ({@code IdempotentRequest.writeId()})
   * @return the task this write stored, now or in an earlier attempt that failed after storing it
   *     (an SDK retry whose answer was lost, or a retried request with the same idempotency key);
   *     empty when another write's task holds the name (nothing written)
   */
  public Optional<Task> insert(String tenantId, Map<String, String> attributes, String writeId) {
    Map<String, AttributeValue> key = key(tenantId, attributes.get("name"));
    Map<String, AttributeValue> item = new HashMap<>(key);
    attributes.forEach((field, value) -> item.put(field, AttributeValue.fromS(value)));
    item.put(WRITE_ID, AttributeValue.fromS(writeId));
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.tasks())
                  .item(item)
                  .conditionExpression("attribute_not_exists(#name)")
                  .expressionAttributeNames(Map.of("#name", "name")));
      return Optional.of(TaskItems.task(item));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> stored =
          dynamoDb.getItem(b -> b.tableName(tables.tasks()).key(key).consistentRead(true)).item();
      return stored != null
              && stored.get(WRITE_ID) != null
              && writeId.equals(stored.get(WRITE_ID).s())
          ? Optional.of(TaskItems.task(stored))
          : Optional.empty();
    }
  }

  /**
   * Applies the changes if the task exists and its status is still {@code readStatus}.
   *
   * @return the task after the change, or empty when the condition failed
   */
  public Optional<Task> update(
      String tenantId, String name, Map<String, String> changes, String readStatus) {
    UpdateItemRequest request =
        TaskItems.updateRequest(tables.tasks(), key(tenantId, name), changes, readStatus)
            .returnValues(ReturnValue.ALL_NEW)
            .build();
    try {
      return Optional.of(TaskItems.task(dynamoDb.updateItem(request).attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /**
   * @return the deleted task, or empty when there was none
   */
  public Optional<Task> delete(String tenantId, String name) {
    try {
      Map<String, AttributeValue> old =
          dynamoDb
              .deleteItem(
                  b ->
                      b.tableName(tables.tasks())
                          .key(key(tenantId, name))
                          .conditionExpression("attribute_exists(#name)")
                          .expressionAttributeNames(Map.of("#name", "name"))
                          .returnValues(ReturnValue.ALL_OLD))
              .attributes();
      return Optional.of(TaskItems.task(old));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /**
   * @param afterName the name to continue after, or null from the first
   * @param forward name order ascending, else descending
   */
  public Page page(String tenantId, String afterName, int pageSize, boolean forward) {
    QueryResponse response =
        dynamoDb.query(
            b ->
                b.tableName(tables.tasks())
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenantId)))
                    .consistentRead(true)
                    .scanIndexForward(forward)
                    .limit(pageSize)
                    .exclusiveStartKey(afterName == null ? null : key(tenantId, afterName)));
    List<Task> items = new ArrayList<>(response.items().size());
    response.items().forEach(item -> items.add(TaskItems.task(item)));
    return new Page(
        items, response.hasLastEvaluatedKey() ? response.lastEvaluatedKey().get("name").s() : null);
  }

  static Map<String, AttributeValue> key(String tenantId, String name) {
    return Map.of("client_id", AttributeValue.fromS(tenantId), "name", AttributeValue.fromS(name));
  }
}
