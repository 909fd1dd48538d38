package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.uketsuke.platform.PageTokens;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists a tenant's turns in time order. All of a tenant's turns come from {@code TsIndex} ({@code
 * client_id}, {@code ts}); one phone's from the table itself, whose sort key {@code <phone>#<ts>}
 * orders them by time. Both are key conditions, so a page costs the same at any history size.
 */
@ApplicationScoped
public class CallHistory {
  static final String TS_INDEX = "TsIndex";

  /** Sorts after every timestamp character, closing a range that has no upper end. */
  private static final String HIGHEST = "~";

  /** Sorts before every timestamp (a key value may not be empty). */
  private static final String LOWEST = "0";

  /** Items one query page of {@link #callerWords} reads at most. */
  private static final int PAGE_ITEMS = 1000;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject PageTokens pageTokens;

  /** A page of turns and the token of the next one (null at the end). */
  public record Page(List<Turn> items, String nextToken) {}

  public Page page(String tenantId, CallQuery query, int limit, String nextToken) {
    QueryRequest request =
        request(tenantId, query)
            .limit(limit)
            .exclusiveStartKey(pageTokens.decode(tenantId, query.fingerprint(), nextToken))
            .build();
    QueryResponse response = dynamoDb.query(request);
    List<Turn> items = response.items().stream().map(LogItems::turn).toList();
    String next =
        response.hasLastEvaluatedKey()
            ? pageTokens.encode(tenantId, query.fingerprint(), response.lastEvaluatedKey())
            : null;
    return new Page(items, next);
  }

  /**
   * The latest {@code limit} turns of one phone in time order, only those of {@code callSid} when
   * it is given. Old items with second timestamps and the voice server's single-utterance items
   * count alike: the sort key orders them all.
   */
  public List<Turn> latest(String tenantId, String phone, String callSid, int limit) {
    if (callSid != null) {
      return latestOfCall(tenantId, phone, callSid, limit);
    }
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tables.logs())
            .keyConditionExpression("client_id = :t AND begins_with(sk, :p)")
            .expressionAttributeValues(Map.of(":t", s(tenantId), ":p", s(phone + "#")))
            .scanIndexForward(false)
            .limit(limit)
            .build();
    List<Turn> newestFirst =
        new ArrayList<>(dynamoDb.query(request).items().stream().map(LogItems::turn).toList());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * A call has few turns: all of them come from {@code CallSidIndex} (which spans tenants, hence
   * the filter), ordered by the sort key, which orders every timestamp form.
   */
  private List<Turn> latestOfCall(String tenantId, String phone, String callSid, int limit) {
    List<Map<String, AttributeValue>> items =
        dynamoDb
            .queryPaginator(
                b ->
                    b.tableName(tables.logs())
                        .indexName(CallSessions.CALL_SID_INDEX)
                        .keyConditionExpression("call_sid = :c")
                        .filterExpression("client_id = :t AND begins_with(sk, :p)")
                        .expressionAttributeValues(
                            Map.of(":c", s(callSid), ":t", s(tenantId), ":p", s(phone + "#"))))
            .items()
            .stream()
            .sorted(Comparator.comparing(item -> item.get(LogItems.SK).s()))
            .toList();
    return items.subList(Math.max(0, items.size() - limit), items.size()).stream()
        .map(LogItems::turn)
        .toList();
  }

  /**
   * The tenant's turns in {@code [fromTs, toTs]} that carry the attribute {@code marker}, newest
   * first, at most {@code limit}, with their extra attributes.
   */
  public List<AnnotatedTurn> annotated(
      String tenantId, String marker, String fromTs, String toTs, int limit) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tables.logs())
            .indexName(TS_INDEX)
            .keyConditionExpression("client_id = :t AND ts BETWEEN :lo AND :hi")
            .filterExpression("attribute_exists(#m)")
            .expressionAttributeNames(Map.of("#m", marker))
            .expressionAttributeValues(Map.of(":t", s(tenantId), ":lo", s(fromTs), ":hi", s(toTs)))
            .scanIndexForward(false)
            .limit(limit)
            .build();
    return dynamoDb.queryPaginator(request).items().stream()
        .limit(limit)
        .map(item -> new AnnotatedTurn(LogItems.turn(item), LogItems.extra(item)))
        .toList();
  }

  /**
   * A caller's words as read from the log.
   *
   * @param key the item's sort key: which item it is within the tenant, whoever wrote it
   */
  public record CallerWord(String key, AnnotatedTurn said) {}

  /**
   * Caller words of a range, newest first.
   *
   * @param read items of the range the store read for them (those filtered out too)
   * @param cut the read stopped at its bound with older items of the range left unread
   */
  public record CallerWords(List<CallerWord> words, int read, boolean cut) {}

  /**
   * What callers said in {@code [fromTs, toTs]}, newest first, with the extra attributes {@code
   * mode} and {@code tools} (when this service answered): items with a {@code user_text}, whoever
   * wrote them, except turns this service answered from its FAQ or with a tool. Reads at most
   * {@code maxRead} items of the range (those filtered out count too), so a tenant's busiest month
   * costs a bounded number of pages; the last query asks for one item more, which says whether the
   * bound left older items of the range unread (and is dropped).
   */
  public CallerWords callerWords(String tenantId, String fromTs, String toTs, int maxRead) {
    List<CallerWord> words = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int read = 0;
    boolean cut = false;
    do {
      int wanted = Math.min(PAGE_ITEMS, maxRead - read + 1);
      QueryResponse page = dynamoDb.query(callerWordsQuery(tenantId, fromTs, toTs, wanted, start));
      read += page.scannedCount();
      page.items().forEach(item -> words.add(callerWord(item)));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      if (read > maxRead) {
        cut = true;
        dropBeyondBound(words, start);
      }
    } while (start != null && !cut);
    return new CallerWords(words, read, cut);
  }

  private QueryRequest callerWordsQuery(
      String tenantId, String fromTs, String toTs, int limit, Map<String, AttributeValue> start) {
    return QueryRequest.builder()
        .tableName(tables.logs())
        .indexName(TS_INDEX)
        .keyConditionExpression("client_id = :t AND ts BETWEEN :lo AND :hi")
        .filterExpression(
            "attribute_exists(user_text) AND attribute_not_exists(tools)"
                + " AND (attribute_not_exists(#m) OR #m <> :faq)")
        .projectionExpression("client_id, sk, ts, user_text, #m")
        .expressionAttributeNames(Map.of("#m", "mode"))
        .expressionAttributeValues(
            Map.of(":t", s(tenantId), ":lo", s(fromTs), ":hi", s(toTs), ":faq", s("faq")))
        .scanIndexForward(false)
        .limit(limit)
        .exclusiveStartKey(start)
        .build();
  }

  private static CallerWord callerWord(Map<String, AttributeValue> item) {
    return new CallerWord(
        item.get(LogItems.SK).s(), new AnnotatedTurn(LogItems.turn(item), LogItems.extra(item)));
  }

  /**
   * The item read beyond the bound is the last one evaluated, where the query stopped: if it was a
   * caller's, it is the last word returned.
   */
  private static void dropBeyondBound(List<CallerWord> words, Map<String, AttributeValue> stop) {
    if (stop != null
        && !words.isEmpty()
        && words.get(words.size() - 1).key().equals(stop.get(LogItems.SK).s())) {
      words.remove(words.size() - 1);
    }
  }

  /**
   * Every matching item, fetched page by page as the stream is consumed (constant memory for
   * exports and bulk work).
   */
  Stream<Map<String, AttributeValue>> items(String tenantId, CallQuery query, int pageSize) {
    return dynamoDb
        .queryPaginator(request(tenantId, query).limit(pageSize).build())
        .items()
        .stream();
  }

  private QueryRequest.Builder request(String tenantId, CallQuery query) {
    TimeRange range = query.range();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":t", s(tenantId));
    QueryRequest.Builder request =
        QueryRequest.builder().tableName(tables.logs()).scanIndexForward(query.ascending());
    if (query.phone() == null) {
      request.indexName(TS_INDEX).keyConditionExpression("client_id = :t" + tsRange(range, values));
    } else {
      String prefix = query.phone() + "#";
      values.put(":lo", s(prefix + (range.lower() == null ? "" : range.lower())));
      values.put(":hi", s(prefix + (range.upper() == null ? HIGHEST : range.upper())));
      request.keyConditionExpression("client_id = :t AND sk BETWEEN :lo AND :hi");
    }
    return request.expressionAttributeValues(values);
  }

  private static String tsRange(TimeRange range, Map<String, AttributeValue> values) {
    if (range.lower() == null && range.upper() == null) {
      return "";
    }
    values.put(":lo", s(range.lower() == null ? LOWEST : range.lower()));
    values.put(":hi", s(range.upper() == null ? HIGHEST : range.upper()));
    return " AND ts BETWEEN :lo AND :hi";
  }
}
