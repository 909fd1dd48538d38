package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A per-tenant counter that grows with every FAQ change, kept in {@code app-prompts} under the id
 * {@code faq-version}. Pods that cache a tenant's FAQ index compare it with the version they built
 * from; an atomic {@code ADD} keeps concurrent changes on different pods from losing a bump.
 *
 * <p>A change is bracketed (no transactions): {@link #begin} marks the item before the first write
 * ({@code pending_<token>} = its start), {@link #end} removes the mark and bumps the counter. While
 * a mark stands, the version pods compare ({@link #of}) is above the counter's and moves on every
 * {@link #RECHECK}, so an index built from half-written items, or before a writer died between its
 * writes and its bump, is rebuilt from what the table holds. A dead writer's mark is removed by the
 * next change after {@link #ABANDONED}.
 */
@ApplicationScoped
public class FaqVersion {
  /** The item's id in {@code app-prompts}; settings reads it together with a turn's settings. */
  public static final String ID = "faq-version";

  static final String PENDING = "pending_";
  static final Duration RECHECK = Duration.ofSeconds(30);
  static final Duration ABANDONED = Duration.ofMinutes(10);

  /** Versions pods compare are the counter times this, plus marks' epochs while a change runs. */
  private static final long SCALE = 1_000_000;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject Event<FaqChanged> changes;

  /** The tenant's current FAQ version as pods compare it; 0 before its first change. */
  public long current(String tenantId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(tables.prompts()).key(key(tenantId)).consistentRead(true))
            .item();
    return of(item);
  }

  /** The version an item of this kind stands for; 0 for no item. */
  public static long of(Map<String, AttributeValue> item) {
    return of(item, System.currentTimeMillis());
  }

  static long of(Map<String, AttributeValue> item, long nowMillis) {
    if (item == null) {
      return 0;
    }
    AttributeValue counter = item.get("version");
    long version = counter == null || counter.n() == null ? 0 : Long.parseLong(counter.n());
    long oldestMark =
        marks(item).values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    if (oldestMark == Long.MAX_VALUE) {
      return version * SCALE;
    }
    long epochs = Math.max(0, nowMillis - oldestMark) / RECHECK.toMillis();
    return version * SCALE + 1 + Math.min(epochs, SCALE - 2);
  }

  /** Marks a change of the tenant's FAQ as running, before its first write; returns its token. */
  public String begin(String tenantId) {
    String token = PENDING + UUID.randomUUID().toString().replace("-", "");
    dynamoDb.updateItem(
        b ->
            b.tableName(tables.prompts())
                .key(key(tenantId))
                .updateExpression("SET #m = :now")
                .expressionAttributeNames(Map.of("#m", token))
                .expressionAttributeValues(
                    Map.of(
                        ":now", AttributeValue.fromN(Long.toString(System.currentTimeMillis())))));
    return token;
  }

  /**
   * Ends a change: removes its mark, and bumps the counter when anything may have been written
   * (then every pod rebuilds, and this one says so with {@link FaqChanged}). Marks of writers that
   * died long ago go too.
   */
  public void end(String tenantId, String token, boolean changed) {
    Map<String, AttributeValue> item =
        dynamoDb
            .updateItem(
                b -> {
                  b.tableName(tables.prompts())
                      .key(key(tenantId))
                      .updateExpression("REMOVE #m" + (changed ? " ADD version :one" : ""))
                      .expressionAttributeNames(Map.of("#m", token))
                      .returnValues(ReturnValue.ALL_NEW);
                  if (changed) {
                    b.expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")));
                  }
                })
            .attributes();
    removeAbandoned(tenantId, item);
    if (changed) {
      changes.fire(new FaqChanged(tenantId, of(item)));
    }
  }

  private void removeAbandoned(String tenantId, Map<String, AttributeValue> item) {
    long before = System.currentTimeMillis() - ABANDONED.toMillis();
    List<String> abandoned = new ArrayList<>();
    marks(item)
        .forEach(
            (mark, started) -> {
              if (started < before) {
                abandoned.add(mark);
              }
            });
    if (abandoned.isEmpty()) {
      return;
    }
    Map<String, String> names = new HashMap<>();
    List<String> removes = new ArrayList<>();
    for (int i = 0; i < abandoned.size(); i++) {
      names.put("#m" + i, abandoned.get(i));
      removes.add("#m" + i);
    }
    // The writer died mid-change: bump, so an index built from its half is rebuilt everywhere.
    dynamoDb.updateItem(
        b ->
            b.tableName(tables.prompts())
                .key(key(tenantId))
                .updateExpression("REMOVE " + String.join(", ", removes) + " ADD version :one")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
  }

  private static Map<String, Long> marks(Map<String, AttributeValue> item) {
    Map<String, Long> marks = new HashMap<>();
    if (item != null) {
      item.forEach(
          (name, value) -> {
            if (name.startsWith(PENDING) && value.n() != null) {
              marks.put(name, Long.parseLong(value.n()));
            }
          });
    }
    return marks;
  }

  private static Map<String, AttributeValue> key(String tenantId) {
    return Map.of("client_id", AttributeValue.fromS(tenantId), "id", AttributeValue.fromS(ID));
  }
}
