package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seconds transcribed, per tenant and UTC day, in {@code app-usage}. Other capabilities count their
 * own attributes in the same items, so this only ever adds to {@code transcribed_seconds}: an
 * atomic ADD needs no read and never overwrites their counts.
 */
@ApplicationScoped
public class UsageCounter {
  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  void addTranscribedSeconds(String tenantId, long seconds) {
    if (seconds <= 0) {
      return;
    }
    String day = "day#" + LocalDate.now(ZoneOffset.UTC);
    dynamoDb.updateItem(
        b ->
            b.tableName(tables.usage())
                .key(
                    Map.of(
                        "client_id",
                        AttributeValue.fromS(tenantId),
                        "sk",
                        AttributeValue.fromS(day)))
                .updateExpression("ADD transcribed_seconds :n")
                .expressionAttributeValues(
                    Map.of(":n", AttributeValue.fromN(String.valueOf(seconds)))));
  }
}
