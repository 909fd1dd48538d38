package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.PageTokens;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * FAQ items of {@code app-faq}, one tenant at a time. Single-item writes are conditional, so a
 * create never replaces an entry and an update or delete never resurrects or invents one.
 */
@ApplicationScoped
public class FaqStore {
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject PageTokens pageTokens;

  /** Which write stored an item, so that a retry of that write recognises it as its own. */
  static final String WRITE_ID = "write_id";

  /** What a listing's {@code next_token} is bound to: it continues this listing only. */
  private static final String LISTING = "faqs";

  /** One page of a listing and the token to continue after it (null at the end). */
  public record Page(List<FaqItem> items, String nextToken) {}

  /** An update: the entry before and after it. */
  public record Change(FaqItem before, FaqItem after) {}

  public Optional<FaqItem> find(String tenantId, String question) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b -> b.tableName(tables.faq()).key(key(tenantId, question)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toItem(item));
  }

  /**
   * Stores a new entry, marked with {@code writeId}: never over another entry.
   *
   * @param writeId the same for every attempt of one write ({@code IdempotentRequest.writeId()})
   * @return the entry this write stored, now or in an earlier attempt that failed after storing it
   *     (an SDK retry whose answer was lost, or a retried request with the same idempotency key)
   * @throws ApiException 409 when another write's entry holds the question
   */
  public FaqItem create(String tenantId, String question, String answer, String writeId) {
    String now = Timestamps.now();
    Map<String, AttributeValue> item = new HashMap<>(key(tenantId, question));
    item.put("answer", AttributeValue.fromS(answer));
    item.put("created_at", AttributeValue.fromS(now));
    item.put("updated_at", AttributeValue.fromS(now));
    item.put(WRITE_ID, AttributeValue.fromS(writeId));
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.faq())
                  .item(item)
                  .conditionExpression("attribute_not_exists(question)"));
      return toItem(item);
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> stored =
          dynamoDb
              .getItem(
                  b -> b.tableName(tables.faq()).key(key(tenantId, question)).consistentRead(true))
              .item();
      if (stored != null && writeId.equals(text(stored, WRITE_ID))) {
        return toItem(stored);
      }
      throw ApiException.conflict("A FAQ with this question exists already.");
    }
  }

  /** Replaces the answer, keeping created_at. @throws ApiException 404 when it does not exist */
  public Change update(String tenantId, String question, String answer) {
    String now = Timestamps.now();
    try {
      Map<String, AttributeValue> old =
          dynamoDb
              .updateItem(
                  b ->
                      b.tableName(tables.faq())
                          .key(key(tenantId, question))
                          .updateExpression("SET answer = :a, updated_at = :u")
                          .conditionExpression("attribute_exists(question)")
                          .expressionAttributeValues(
                              Map.of(
                                  ":a", AttributeValue.fromS(answer),
                                  ":u", AttributeValue.fromS(now)))
                          .returnValues(ReturnValue.ALL_OLD))
              .attributes();
      FaqItem before = toItem(old);
      return new Change(before, new FaqItem(question, answer, before.createdAt(), now));
    } catch (ConditionalCheckFailedException e) {
      throw notFound();
    }
  }

  /**
   * @return the deleted entry @throws ApiException 404 when it does not exist
   */
  public FaqItem delete(String tenantId, String question) {
    try {
      return toItem(
          dynamoDb
              .deleteItem(
                  b ->
                      b.tableName(tables.faq())
                          .key(key(tenantId, question))
                          .conditionExpression("attribute_exists(question)")
                          .returnValues(ReturnValue.ALL_OLD))
              .attributes());
    } catch (ConditionalCheckFailedException e) {
      throw notFound();
    }
  }

  /**
   * Up to {@code limit} entries in question order after the place {@code nextToken} marks (null:
   * from the start). One item more than asked is read, so the last page says so itself instead of
   * leaving a token to an empty page.
   *
   * @throws ApiException 400 when the token is not one given for this tenant's listing
   */
  public Page page(String tenantId, int limit, String nextToken) {
    Map<String, AttributeValue> startKey = pageTokens.decode(tenantId, LISTING, nextToken);
    QueryResponse response = dynamoDb.query(query(tenantId, startKey).limit(limit + 1).build());
    List<Map<String, AttributeValue>> items = response.items();
    Map<String, AttributeValue> lastKey;
    if (items.size() > limit) {
      items = items.subList(0, limit);
      lastKey = key(tenantId, items.get(limit - 1).get("question").s());
    } else {
      lastKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    }
    return new Page(
        items.stream().map(FaqStore::toItem).toList(),
        pageTokens.encode(tenantId, LISTING, lastKey));
  }

  /** Every FAQ entry of the tenant, in question order (for listings, exports and retrieval). */
  public List<FaqItem> all(String tenantId) {
    return stored(tenantId).stream().map(FaqStore::toItem).toList();
  }

  /** Every FAQ entry of the tenant with its use count, in question order (for retrieval). */
  FaqIndex.Source source(String tenantId) {
    List<FaqItem> items = new ArrayList<>();
    Map<String, Long> useCounts = new HashMap<>();
    for (Map<String, AttributeValue> item : stored(tenantId)) {
      FaqItem faq = toItem(item);
      items.add(faq);
      AttributeValue count = item.get("use_count");
      if (count != null && count.n() != null) {
        useCounts.put(faq.question(), Long.parseLong(count.n()));
      }
    }
    return new FaqIndex.Source(items, useCounts);
  }

  /** Every stored item as DynamoDB holds it, following all pages. */
  List<Map<String, AttributeValue>> stored(String tenantId) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      QueryResponse response = dynamoDb.query(query(tenantId, startKey).build());
      items.addAll(response.items());
      startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (startKey != null);
    return items;
  }

  private QueryRequest.Builder query(String tenantId, Map<String, AttributeValue> startKey) {
    return QueryRequest.builder()
        .tableName(tables.faq())
        .keyConditionExpression("client_id = :t")
        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenantId)))
        .consistentRead(true)
        .exclusiveStartKey(startKey);
  }

  static FaqItem toItem(Map<String, AttributeValue> item) {
    return new FaqItem(
        text(item, "question"),
        text(item, "answer"),
        text(item, "created_at"),
        text(item, "updated_at"));
  }

  static Map<String, AttributeValue> key(String tenantId, String question) {
    return Map.of(
        "client_id", AttributeValue.fromS(tenantId), "question", AttributeValue.fromS(question));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static ApiException notFound() {
    return ApiException.notFound("No FAQ with this question.");
  }
}
