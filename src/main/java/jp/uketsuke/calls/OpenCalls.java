package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Calls that have turns and no end yet, in {@code app-call-summaries} under the partition {@code
 * #open} (no tenant id holds {@code #}), one item per call ({@code call_sid = <tenant>#<sid>}) with
 * the time of its newest turn the directory catch-up has read. The idle sweep ends those whose
 * newest turn is old enough; whoever ends a call removes its item. A pod claims an item with a
 * conditional write before it ends the call, so two pods never end it at once; a claim expires, so
 * a pod that stopped halfway leaves the call to the next sweep.
 */
@ApplicationScoped
class OpenCalls {
  static final String PARTITION = "#open";

  /** Turns older than this when the catch-up reads them are history, not a call going on. */
  private static final Duration HISTORY = Duration.ofHours(1);

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  @Inject
  @ConfigProperty(name = "uketsuke.calls.idle-end", defaultValue = "PT10M")
  Duration idleEnd;

  /** An open call as the sweep sees it; {@code lastAt} is the canonical UTC string stored. */
  record Open(String tenantId, String callSid, String lastAt) {
    Instant last() {
      return LogTimes.instantOf(lastAt);
    }
  }

  String table() {
    return tables.callSummaries();
  }

  /**
   * Opens the calls of a batch the directory catch-up read (turns with a call SID), with their
   * newest turn; a tenant's first catch-up of a long history opens none of its old calls.
   */
  void seen(String tenantId, List<DirectoryCatchUp.Logged> turns) {
    Duration horizon =
        idleEnd.multipliedBy(2).compareTo(HISTORY) > 0 ? idleEnd.multipliedBy(2) : HISTORY;
    Instant recent = Instant.now().minus(horizon);
    Map<String, Instant> newest = new HashMap<>();
    for (DirectoryCatchUp.Logged turn : turns) {
      if (turn.callSid() != null && !turn.callSid().isBlank() && turn.at().isAfter(recent)) {
        newest.merge(turn.callSid(), turn.at(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    newest.forEach((callSid, at) -> seen(tenantId, callSid, at));
  }

  /** The call had a turn at {@code at}: opens it, or moves its newest turn forward (never back). */
  void seen(String tenantId, String callSid, Instant at) {
    String last = Timestamps.format(at);
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(table())
                  .key(key(tenantId, callSid))
                  .updateExpression("SET tenant = :t, sid = :s, last_at = :at REMOVE claimed_until")
                  .conditionExpression("attribute_not_exists(last_at) OR last_at < :at")
                  .expressionAttributeValues(
                      Map.of(":t", s(tenantId), ":s", s(callSid), ":at", s(last))));
    } catch (ConditionalCheckFailedException newerKnown) {
      // A later turn of the call was seen already.
    }
  }

  /** Open calls whose newest turn is before {@code before}, at most {@code limit}. */
  List<Open> idleSince(Instant before, int limit) {
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(table())
                    .keyConditionExpression("client_id = :p")
                    .filterExpression("last_at < :b")
                    .expressionAttributeValues(
                        Map.of(":p", s(PARTITION), ":b", s(Timestamps.format(before))))
                    .consistentRead(true))
        .items()
        .stream()
        .limit(limit)
        .map(item -> new Open(item.get("tenant").s(), item.get("sid").s(), item.get("last_at").s()))
        .toList();
  }

  /**
   * Claims the call for ending until {@code until}: true for exactly one claimer while the item is
   * as it was read (no newer turn) and nobody else holds an unexpired claim.
   */
  boolean claim(Open open, Instant now, Instant until) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(table())
                  .key(key(open.tenantId(), open.callSid()))
                  .updateExpression("SET claimed_until = :until")
                  .conditionExpression(
                      "last_at = :seen AND (attribute_not_exists(claimed_until)"
                          + " OR claimed_until < :now)")
                  .expressionAttributeValues(
                      Map.of(
                          ":seen", s(open.lastAt()),
                          ":now", s(Timestamps.format(now)),
                          ":until", s(Timestamps.format(until)))));
      return true;
    } catch (ConditionalCheckFailedException another) {
      return false;
    }
  }

  /** The call has ended (or is gone): its item goes. */
  void close(String tenantId, String callSid) {
    dynamoDb.deleteItem(b -> b.tableName(table()).key(key(tenantId, callSid)));
  }

  private static Map<String, AttributeValue> key(String tenantId, String callSid) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("client_id", s(PARTITION));
    key.put("call_sid", s(tenantId + "#" + callSid));
    return key;
  }
}
