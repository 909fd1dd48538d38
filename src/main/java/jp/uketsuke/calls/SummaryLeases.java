package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Who is asking the model for a call's summary: one item per call being summarised, in {@code
 * app-call-summaries} beside the summaries ({@code call_sid = #ending#<sid>}; no call SID starts
 * with {@code #}, and summaries are only ever read by their SID). Two ends of one call at the same
 * moment (the voice server's {@code POST /call/end} and Twilio's callback, say) would otherwise
 * both pay for a model call; the second waits for the first one's summary instead. A lease expires,
 * so an end that died halfway leaves the call to the next one.
 */
@ApplicationScoped
class SummaryLeases {
  private static final String PREFIX = "#ending#";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  /** True for exactly one caller while nobody else holds an unexpired lease. */
  boolean take(String tenantId, String callSid, Duration hold) {
    Instant now = Instant.now();
    Map<String, AttributeValue> item = key(tenantId, callSid);
    item.put("lease_until", s(Timestamps.format(now.plus(hold))));
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.callSummaries())
                  .item(item)
                  .conditionExpression("attribute_not_exists(call_sid) OR lease_until < :now")
                  .expressionAttributeValues(Map.of(":now", s(Timestamps.format(now)))));
      return true;
    } catch (ConditionalCheckFailedException held) {
      return false;
    }
  }

  void release(String tenantId, String callSid) {
    dynamoDb.deleteItem(b -> b.tableName(tables.callSummaries()).key(key(tenantId, callSid)));
  }

  private static Map<String, AttributeValue> key(String tenantId, String callSid) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("client_id", s(tenantId));
    key.put("call_sid", s(PREFIX + callSid));
    return key;
  }
}
