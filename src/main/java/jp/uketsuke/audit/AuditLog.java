package jp.uketsuke.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.uketsuke.platform.PageTokens;
import jp.uketsuke.platform.Sha256;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.Caller;
import jp.uketsuke.tenant.TenantContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Appends and lists audit records of the current tenant. The sort key starts with the time, so the
 * newest come first and a time range is a key range.
 */
@ApplicationScoped
public class AuditLog {
  static final int SUMMARY_LIMIT = 500;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject TenantContext tenant;
  @Inject PageTokens pageTokens;

  /** A page of records, newest first. */
  public record Page(List<AuditEntry> items, String nextToken) {}

  /** Records a change made by the current caller. Summaries are cut to a bounded length. */
  public void record(String action, String key, String before, String after) {
    String ts = Timestamps.now();
    put(ts + "#" + UUID.randomUUID().toString().substring(0, 8), ts, action, key, before, after);
  }

  /**
   * Records a change that may be recorded more than once (a keyed retry of the request that made
   * it) once: the record's key is the change's time and a digest of what names it, so a second
   * recording finds it there and writes nothing.
   *
   * @param changedAt when the change was stored (a created task's {@code created_at})
   */
  public void recordOnce(
      String action, String key, String before, String after, Instant changedAt) {
    String ts = Timestamps.format(changedAt);
    try {
      put(ts + "#" + digest(action + "\n" + key + "\n" + ts), ts, action, key, before, after);
    } catch (ConditionalCheckFailedException recordedAlready) {
      // The first attempt of the same change recorded it.
    }
  }

  private void put(String sk, String ts, String action, String key, String before, String after) {
    Caller caller = tenant.caller();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", s(caller.tenantId()));
    item.put("sk", s(sk));
    item.put("ts", s(ts));
    item.put("actor", s(caller.subject()));
    item.put("actor_kind", s(caller.kind().name().toLowerCase(Locale.ROOT)));
    item.put("action", s(action));
    item.put("key", s(key));
    if (caller.email() != null) {
      item.put("actor_email", s(caller.email()));
    }
    if (before != null) {
      item.put("before", s(cut(before)));
    }
    if (after != null) {
      item.put("after", s(cut(after)));
    }
    dynamoDb.putItem(
        b ->
            b.tableName(tables.audit()).item(item).conditionExpression("attribute_not_exists(sk)"));
  }

  /** Eight hex digits of SHA-256: the same length as a random record's suffix. */
  private static String digest(String text) {
    return Sha256.hex(text, 4);
  }

  public Page list(Instant from, Instant to, int limit, String nextToken) {
    String tenantId = tenant.tenantId();
    String query = "audit:" + from + ":" + to;
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(tables.audit())
            .keyConditionExpression("client_id = :t AND sk BETWEEN :from AND :to")
            .expressionAttributeValues(
                Map.of(
                    ":t", s(tenantId),
                    ":from", s(from == null ? "0" : Timestamps.formatSeconds(from)),
                    ":to", s(to == null ? "9" : Timestamps.format(to) + "~")))
            .scanIndexForward(false)
            .limit(limit)
            .exclusiveStartKey(pageTokens.decode(tenantId, query, nextToken));
    QueryResponse response = dynamoDb.query(request.build());
    List<AuditEntry> items = response.items().stream().map(AuditLog::entry).toList();
    String next =
        response.hasLastEvaluatedKey()
            ? pageTokens.encode(tenantId, query, response.lastEvaluatedKey())
            : null;
    return new Page(items, next);
  }

  private static AuditEntry entry(Map<String, AttributeValue> item) {
    return new AuditEntry(
        text(item, "sk"),
        text(item, "ts"),
        text(item, "actor"),
        text(item, "actor_email"),
        text(item, "actor_kind"),
        text(item, "action"),
        text(item, "key"),
        text(item, "before"),
        text(item, "after"));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static String cut(String summary) {
    return summary.length() <= SUMMARY_LIMIT
        ? summary
        : summary.substring(0, SUMMARY_LIMIT - 1) + "…";
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
