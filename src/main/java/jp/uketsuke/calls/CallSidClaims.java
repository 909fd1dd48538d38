package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which tenant a call SID belongs to, in {@code app-call-sids} (key: the SID alone): the first
 * tenant whose turn carries it keeps it, with a conditional put; a turn of another tenant with that
 * SID is refused (409), and items others write straight into {@code app-logs} cannot take it away.
 * A claim never changes, so each pod remembers the claims it has seen and pays one write per call
 * and pod.
 */
@ApplicationScoped
public class CallSidClaims {
  private static final int REMEMBERED = 10_000;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  private final Cache<String, String> known =
      Caffeine.newBuilder().maximumSize(REMEMBERED).executor(Runnable::run).build();

  /** Claims the SID for the tenant, or confirms its claim. @throws ApiException 409 otherwise */
  public void claim(String tenantId, String callSid) {
    if (!tryClaim(tenantId, callSid)) {
      throw ApiException.conflict("This call SID belongs to another call log.");
    }
  }

  /** Claims the SID for the tenant unless another holds it; false when another does. */
  boolean tryClaim(String tenantId, String callSid) {
    if (tenantId.equals(known.getIfPresent(callSid))) {
      return true;
    }
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.callSids())
                  .item(
                      Map.of(
                          "call_sid", s(callSid),
                          "client_id", s(tenantId),
                          "claimed_at", s(Timestamps.now())))
                  .conditionExpression("attribute_not_exists(call_sid) OR client_id = :t")
                  .expressionAttributeValues(Map.of(":t", s(tenantId))));
      known.put(callSid, tenantId);
      return true;
    } catch (ConditionalCheckFailedException another) {
      return false;
    }
  }

  /** The tenant that holds the SID, when one claimed it. */
  Optional<String> owner(String callSid) {
    String remembered = known.getIfPresent(callSid);
    if (remembered != null) {
      return Optional.of(remembered);
    }
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.callSids())
                        .key(Map.of("call_sid", s(callSid)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    String owner = item.get("client_id").s();
    known.put(callSid, owner);
    return Optional.of(owner);
  }
}
