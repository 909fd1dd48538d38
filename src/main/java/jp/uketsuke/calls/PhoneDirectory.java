package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;
import static jp.uketsuke.calls.LogItems.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The per-tenant phone directory in {@code app-phones}: last activity, turn count and last call SID
 * per phone, derived from the call log whoever wrote it (see {@link DirectoryCatchUp}). Each entry
 * records in {@code through} up to which instant its phone's turns are counted, and the tenant's
 * {@code #log} item up to which instant every phone's are; all of them are canonical UTC
 * microsecond strings, so DynamoDB can compare them in conditions. Applying a batch is conditional
 * on the {@code through} it was computed from, so two pods catching up at once count a turn once.
 */
@ApplicationScoped
public class PhoneDirectory {
  /** The tenant's catch-up position; phone keys are digits or words, never start with '#'. */
  static final String WATERMARK = "#log";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  /** An entry as stored: what {@code /phones} shows and up to which instant it counts. */
  public record Stored(PhoneEntry shown, Instant through) {}

  /** A tenant's directory as stored, and up to which instant the log is applied to all of it. */
  public record State(Map<String, Stored> entries, Instant through) {}

  /** The whole directory in one query (a tenant has as many items as callers, plus one). */
  public State read(String tenantId) {
    Map<String, Stored> entries = new HashMap<>();
    Instant[] through = {null};
    dynamoDb
        .queryPaginator(
            b ->
                b.tableName(tables.phones())
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", s(tenantId)))
                    .consistentRead(true))
        .items()
        .forEach(
            item -> {
              String phone = text(item, "phone_number");
              if (WATERMARK.equals(phone)) {
                through[0] = instant(item, "through");
              } else if (!phone.startsWith("#")) { // the tenant's other items (CallLogChanges)
                entries.put(phone, stored(item));
              }
            });
    return new State(entries, through[0]);
  }

  /** How far the log is applied to every phone of the tenant; null before the first catch-up. */
  public Instant watermark(String tenantId) {
    return entry(tenantId, WATERMARK).map(Stored::through).orElse(null);
  }

  public Optional<Stored> entry(String tenantId, String phone) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b -> b.tableName(tables.phones()).key(key(tenantId, phone)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
  }

  /**
   * Writes an entry recomputed from {@code seen} (null: there was none) and {@code added} more
   * turns through {@code through}; false when the entry changed since it was read. An entry without
   * {@code through} (written before entries had one) gets its count from the log anew.
   */
  boolean apply(String tenantId, Stored seen, PhoneEntry next, long added, Instant through) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":through", s(Timestamps.format(through)));
    values.put(":n", AttributeValue.fromN(Long.toString(added)));
    List<String> sets = new ArrayList<>(List.of("through = :through"));
    String remove = "";
    if (next.lastTs() != null) {
      sets.add("last_ts = :last");
      values.put(":last", s(next.lastTs()));
      if (next.lastCallSid() != null) {
        sets.add("last_call_sid = :sid");
        values.put(":sid", s(next.lastCallSid()));
      } else {
        remove = " REMOVE last_call_sid";
      }
    }
    String condition;
    String count;
    if (seen == null) {
      condition = "attribute_not_exists(phone_number)";
      count = " ADD turns :n";
    } else if (seen.through() == null) {
      condition = "attribute_exists(phone_number) AND attribute_not_exists(through)";
      sets.add("turns = :n");
      count = "";
    } else {
      condition = "through = :seen";
      values.put(":seen", s(Timestamps.format(seen.through())));
      count = " ADD turns :n";
    }
    try {
      dynamoDb.updateItem(
          update(tenantId, next.phoneNumber())
              .updateExpression("SET " + String.join(", ", sets) + remove + count)
              .conditionExpression(condition)
              .expressionAttributeValues(values)
              .build());
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }

  /** Moves the tenant's catch-up position forward (never back). */
  void advance(String tenantId, Instant through) {
    String value = Timestamps.format(through);
    try {
      dynamoDb.updateItem(
          update(tenantId, WATERMARK)
              .updateExpression("SET through = :w")
              .conditionExpression("attribute_not_exists(through) OR through < :w")
              .expressionAttributeValues(Map.of(":w", s(value)))
              .build());
    } catch (ConditionalCheckFailedException alreadyFurther) {
      // Another pod got further: its position holds.
    }
  }

  /**
   * Counts a turn its writer stored with an old time (see {@link DirectoryCatchUp#late}), which no
   * catch-up counts: one more turn, and last activity if it is the phone's latest. A new entry
   * counts from the beginning of time: the catch-up then adds the phone's turns it reads.
   */
  void countLate(String tenantId, Turn turn) {
    try {
      dynamoDb.updateItem(
          update(tenantId, turn.phoneNumber())
              .updateExpression("SET through = if_not_exists(through, :start) ADD turns :one")
              .conditionExpression(
                  "attribute_not_exists(phone_number) OR attribute_exists(through)")
              .expressionAttributeValues(
                  Map.of(
                      ":start",
                      s(Timestamps.format(Instant.EPOCH)),
                      ":one",
                      AttributeValue.fromN("1")))
              .build());
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":ts", s(turn.ts())));
      String set = "SET last_ts = :ts REMOVE last_call_sid";
      if (turn.callSid() != null) {
        values.put(":sid", s(turn.callSid()));
        set = "SET last_ts = :ts, last_call_sid = :sid";
      }
      dynamoDb.updateItem(
          update(tenantId, turn.phoneNumber())
              .updateExpression(set)
              .conditionExpression("attribute_not_exists(last_ts) OR last_ts < :ts")
              .expressionAttributeValues(values)
              .build());
    } catch (ConditionalCheckFailedException entryFromBeforeOrNewer) {
      // An entry without a position is recounted from the log; a newer last activity stays.
    }
  }

  /**
   * Uncounts deleted turns (their items as they were) that were counted: a turn its writer counted,
   * or one the catch-up read; those the catch-up has not reached never will be, and a late turn
   * whose writer had not counted it yet never will be either. An entry without turns left is
   * removed. Last activity stays: the call took place even if its log is gone.
   */
  public void forget(String tenantId, String phone, List<Map<String, AttributeValue>> deleted) {
    Instant watermark = watermark(tenantId);
    Instant through = entry(tenantId, phone).map(Stored::through).orElse(null);
    Instant counted = later(watermark, through);
    long turns = deleted.stream().filter(item -> wasCounted(item, counted)).count();
    if (turns == 0) {
      return;
    }
    try {
      dynamoDb.updateItem(
          update(tenantId, phone)
              .updateExpression("ADD turns :minus")
              .conditionExpression("attribute_exists(phone_number)")
              .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-" + turns)))
              .build());
      dynamoDb.deleteItem(
          b ->
              b.tableName(tables.phones())
                  .key(key(tenantId, phone))
                  .conditionExpression("turns <= :zero")
                  .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
    } catch (ConditionalCheckFailedException noEntryOrTurnsLeft) {
      // Nothing to uncount, or the entry still has turns.
    }
  }

  private static boolean wasCounted(Map<String, AttributeValue> item, Instant counted) {
    String counting = text(item, LogItems.DIRECTORY);
    if (counting != null) {
      return LogItems.WRITER_COUNTED.equals(counting);
    }
    Instant at = LogTimes.instantOf(LogItems.turn(item).ts());
    return counted != null && at != null && !at.isAfter(counted);
  }

  /**
   * Replaces an entry with values recomputed from the whole log through {@code through} (the
   * rebuild), unless a catch-up already counted further for this phone.
   */
  void put(String tenantId, PhoneEntry entry, Instant through) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenantId, entry.phoneNumber()));
    item.put("turns", AttributeValue.fromN(Long.toString(entry.turns())));
    item.put("through", s(Timestamps.format(through)));
    if (entry.lastTs() != null) {
      item.put("last_ts", s(entry.lastTs()));
    }
    if (entry.lastCallSid() != null) {
      item.put("last_call_sid", s(entry.lastCallSid()));
    }
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.phones())
                  .item(item)
                  .conditionExpression("attribute_not_exists(through) OR through <= :through")
                  .expressionAttributeValues(Map.of(":through", item.get("through"))));
    } catch (ConditionalCheckFailedException countedFurther) {
      // A catch-up counted this phone past the rebuild's end; its entry is the newer truth.
    }
  }

  /** Removes an entry; true when there was one. */
  public boolean remove(String tenantId, String phone) {
    Map<String, AttributeValue> old =
        dynamoDb
            .deleteItem(
                b ->
                    b.tableName(tables.phones())
                        .key(key(tenantId, phone))
                        .returnValues(ReturnValue.ALL_OLD))
            .attributes();
    return old != null && !old.isEmpty();
  }

  static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private UpdateItemRequest.Builder update(String tenantId, String phone) {
    return UpdateItemRequest.builder().tableName(tables.phones()).key(key(tenantId, phone));
  }

  private static Map<String, AttributeValue> key(String tenantId, String phone) {
    return Map.of("client_id", s(tenantId), "phone_number", s(phone));
  }

  private static Stored stored(Map<String, AttributeValue> item) {
    AttributeValue turns = item.get("turns");
    PhoneEntry shown =
        new PhoneEntry(
            text(item, "phone_number"),
            text(item, "last_ts"),
            turns == null ? 0 : Long.parseLong(turns.n()),
            text(item, "last_call_sid"));
    return new Stored(shown, instant(item, "through"));
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    return LogTimes.instantOf(text(item, name));
  }
}
