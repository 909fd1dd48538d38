package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A per-tenant counter that grows with every FAQ change, kept in {@code app-prompts} under the id
 * {@code faq-version}. Pods that cache a tenant's FAQ index compare it with the version they built
 * from; an atomic {@code ADD} keeps concurrent changes on different pods from losing a bump.
 */
@ApplicationScoped
public class FaqVersion {
  /** The item's id in {@code app-prompts}; settings reads it together with a turn's settings. */
  public static final String ID = "faq-version";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  /** The tenant's current FAQ version; 0 before its first change. */
  public long current(String tenantId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(tables.prompts()).key(key(tenantId)).consistentRead(true))
            .item();
    return of(item);
  }

  /** The version an item of this kind holds; 0 for no item. */
  public static long of(Map<String, AttributeValue> item) {
    AttributeValue version = item == null ? null : item.get("version");
    return version == null || version.n() == null ? 0 : Long.parseLong(version.n());
  }

  /** Records that the tenant's FAQ changed; returns the new version. */
  public long bump(String tenantId) {
    Map<String, AttributeValue> updated =
        dynamoDb
            .updateItem(
                b ->
                    b.tableName(tables.prompts())
                        .key(key(tenantId))
                        .updateExpression("ADD version :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues(ReturnValue.UPDATED_NEW))
            .attributes();
    return Long.parseLong(updated.get("version").n());
  }

  private static Map<String, AttributeValue> key(String tenantId) {
    return Map.of("client_id", AttributeValue.fromS(tenantId), "id", AttributeValue.fromS(ID));
  }
}
