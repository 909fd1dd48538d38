package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Edits and deletes of turns already in a tenant's log, told to every pod: what keeps copies of the
 * log's words (the gaps list) must drop them, or a deleted call's or an erased caller's words would
 * still be shown by pods other than the one that deleted them. Each change counts up a number the
 * tenant keeps in {@code app-phones} (item {@code #changes}, beside the directory's {@code #log});
 * a pod about to serve kept copies reads it first and drops them when it moved since its last look
 * ({@link CallLogChanged}, the same event its own changes fire). New turns are not announced:
 * readers find those by time.
 */
@ApplicationScoped
public class CallLogChanges {
  private static final Logger LOG = Logger.getLogger(CallLogChanges.class.getName());

  /** The item's key; phone keys never start with '#'. */
  static final String ITEM = "#changes";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject Event<CallLogChanged> changed;

  /** The number this pod last saw per tenant. */
  private final Map<String, Long> seen = new ConcurrentHashMap<>();

  /**
   * After a change of the tenant's log: counts it for the other pods and drops this pod's copies.
   * The change is made already; if the count cannot be stored, other pods learn of it only at their
   * next full read (logged), and the request that made it still succeeds.
   */
  public void announce(String tenantId) {
    try {
      Map<String, AttributeValue> now =
          dynamoDb
              .updateItem(
                  b ->
                      b.tableName(tables.phones())
                          .key(key(tenantId))
                          .updateExpression("ADD changes :one")
                          .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                          .returnValues(ReturnValue.UPDATED_NEW))
              .attributes();
      seen.put(tenantId, Long.parseLong(now.get("changes").n()));
    } catch (SdkException e) {
      LOG.log(Level.WARNING, "call log change not counted for other pods; tenant " + tenantId, e);
    } finally {
      changed.fire(new CallLogChanged(tenantId));
    }
  }

  /**
   * Before serving kept copies of the tenant's log words: one consistent read, and this pod's
   * copies dropped if another pod changed the log since this pod last looked (on a pod's first look
   * it holds none that predate the look).
   */
  public void catchUp(String tenantId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(tables.phones()).key(key(tenantId)).consistentRead(true))
            .item();
    AttributeValue count = item == null ? null : item.get("changes");
    long now = count == null ? 0 : Long.parseLong(count.n());
    Long before = seen.put(tenantId, now);
    if (before != null && before != now) {
      changed.fire(new CallLogChanged(tenantId));
    }
  }

  private static Map<String, AttributeValue> key(String tenantId) {
    return Map.of("client_id", s(tenantId), "phone_number", s(ITEM));
  }
}
