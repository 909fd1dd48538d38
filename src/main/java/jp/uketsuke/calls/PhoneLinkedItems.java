package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of other capabilities' tables that belong to one caller: tasks and stored transcripts carry
 * a {@code phone_number}. Read by the tenant's partition and matched on the phone's normal form,
 * because other writers store it as they got it (the voice server's tasks hold {@code +81
 * 90-1111-2222}); these tables are small per tenant, and the caller timeline and erasure are rare.
 */
@ApplicationScoped
public class PhoneLinkedItems {
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  public List<CallerTask> tasks(String tenantId, String phone) {
    return matching(tables.tasks(), tenantId, phone).stream()
        .map(
            item ->
                new CallerTask(
                    LogItems.text(item, "name"),
                    LogItems.text(item, "phone_number"),
                    LogItems.text(item, "address"),
                    LogItems.text(item, "start_datetime"),
                    LogItems.text(item, "request")))
        .toList();
  }

  /** Keys ({@code client_id} and {@code name}) of the caller's tasks. */
  List<Map<String, AttributeValue>> taskKeys(String tenantId, String phone) {
    return keys(tables.tasks(), "name", tenantId, phone);
  }

  /** Keys ({@code client_id} and {@code recording_sid}) of the caller's stored transcripts. */
  List<Map<String, AttributeValue>> transcriptKeys(String tenantId, String phone) {
    return keys(tables.transcripts(), "recording_sid", tenantId, phone);
  }

  private List<Map<String, AttributeValue>> keys(
      String table, String sortKey, String tenantId, String phone) {
    return matching(table, tenantId, phone).stream()
        .map(item -> Map.of("client_id", item.get("client_id"), sortKey, item.get(sortKey)))
        .toList();
  }

  private List<Map<String, AttributeValue>> matching(String table, String tenantId, String phone) {
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(table)
                    .keyConditionExpression("client_id = :t")
                    .filterExpression("attribute_exists(phone_number)")
                    .expressionAttributeValues(Map.of(":t", s(tenantId))))
        .items()
        .stream()
        .filter(item -> phone.equals(PhoneNumbers.normalize(LogItems.text(item, "phone_number"))))
        .toList();
  }
}
