package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Daily usage per tenant in {@code app-usage}: one item per day ({@code sk = day#2025-11-26}) whose
 * counters grow by atomic {@code ADD}, so concurrent turns on any pod never lose a count.
 */
@ApplicationScoped
public class UsageMeter {
  static final String DAY_PREFIX = "day#";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  /** Counts one turn and its tokens on the UTC day of {@code ts}. */
  public void count(String tenantId, String ts, int tokensIn, int tokensOut) {
    String day = ts.substring(0, 10);
    dynamoDb.updateItem(
        b ->
            b.tableName(tables.usage())
                .key(
                    Map.of(
                        "client_id", AttributeValue.fromS(tenantId),
                        "sk", AttributeValue.fromS(DAY_PREFIX + day)))
                .updateExpression("SET #d = :d ADD turns :one, tokens_in :i, tokens_out :o")
                .expressionAttributeNames(Map.of("#d", "day"))
                .expressionAttributeValues(
                    Map.of(
                        ":d", AttributeValue.fromS(day),
                        ":one", AttributeValue.fromN("1"),
                        ":i", AttributeValue.fromN(Integer.toString(tokensIn)),
                        ":o", AttributeValue.fromN(Integer.toString(tokensOut)))));
  }

  /**
   * The tenant's days from {@code from} to {@code to} (inclusive, {@code YYYY-MM-DD}), in order.
   */
  public List<UsageDay> days(String tenantId, String from, String to) {
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(tables.usage())
                    .keyConditionExpression("client_id = :t AND sk BETWEEN :lo AND :hi")
                    .expressionAttributeValues(
                        Map.of(
                            ":t", AttributeValue.fromS(tenantId),
                            ":lo", AttributeValue.fromS(DAY_PREFIX + from),
                            ":hi", AttributeValue.fromS(DAY_PREFIX + to))))
        .items()
        .stream()
        .map(
            item ->
                new UsageDay(
                    item.get("sk").s().substring(DAY_PREFIX.length()),
                    number(item, "turns"),
                    number(item, "tokens_in"),
                    number(item, "tokens_out")))
        .toList();
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
