package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tenants whose call logs the idle sweep follows, in {@code app-call-summaries} under the
 * partition {@code #tenants} ({@code call_sid} holds the tenant id): every tenant that has called
 * this API with a valid token — its people or its voice server. A tenant whose old voice server
 * writes the log directly is followed from the first time anyone of it signs in (the console, to
 * register a webhook). Each pod writes a tenant once, in the background, so no request waits for
 * it.
 */
@ApplicationScoped
public class CallTenants {
  static final String PARTITION = "#tenants";
  private static final Logger LOG = Logger.getLogger(CallTenants.class.getName());
  private static final int REMEMBERED = 100_000;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  @Resource(lookup = "concurrent/background")
  ManagedScheduledExecutorService background;

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /** Notes the tenant of a request; the first time on this pod, writes it in the background. */
  void seen(String tenantId) {
    if (known.contains(tenantId)) {
      return;
    }
    if (known.size() > REMEMBERED) {
      known.clear();
    }
    known.add(tenantId);
    background.execute(() -> write(tenantId));
  }

  /** Every tenant followed, in one paged query of a small partition. */
  List<String> all() {
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(tables.callSummaries())
                    .keyConditionExpression("client_id = :p")
                    .projectionExpression("call_sid")
                    .expressionAttributeValues(Map.of(":p", s(PARTITION))))
        .items()
        .stream()
        .map(item -> item.get("call_sid").s())
        .toList();
  }

  private void write(String tenantId) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tables.callSummaries())
                  .key(Map.of("client_id", s(PARTITION), "call_sid", s(tenantId)))
                  .updateExpression("SET first_seen = if_not_exists(first_seen, :now)")
                  .expressionAttributeValues(Map.of(":now", s(Timestamps.now()))));
    } catch (RuntimeException e) {
      known.remove(tenantId); // the next request of the tenant tries again
      LOG.log(Level.WARNING, "could not note a tenant for the idle-call sweep", e);
    }
  }
}
