package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.platform.idempotency.IdempotentRequest;
import jp.uketsuke.tenant.TenantContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Single turns of the current tenant's call log: appended (never overwriting another turn), read,
 * changed and deleted by phone and time. A turn is one conditional put; the phone directory learns
 * of it from the log itself ({@link DirectoryCatchUp}), as it does of turns other writers put
 * there.
 */
@ApplicationScoped
public class CallLog {
  /** The name under which a keyed request fixes its turn's generated timestamp. */
  private static final String PLANNED_TS = "turn_ts";

  /** Generated timestamps that collide are retried this often before giving up with 409. */
  private static final int MAX_ATTEMPTS = 20;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject TenantContext tenant;
  @Inject PhoneDirectory directory;
  @Inject DirectoryCatchUp catchUp;
  @Inject IdempotentRequest request;
  @Inject CallSidClaims claims;
  @Inject CallLogChanges changes;

  /**
   * Stores a turn. Without {@code ts} it gets the current time in microseconds, and a later one if
   * another turn of the same phone took that time; a turn with a given {@code ts} that exists
   * already is refused with 409.
   */
  public Turn append(Turn turn) {
    return append(turn, Map.of());
  }

  /**
   * Stores a turn as {@link #append(Turn)} does, with attributes another capability keeps beside it
   * (the chat engine's mode, model, token counts): strings, numbers or lists of strings, under
   * names other than the turn's own.
   */
  public Turn append(Turn turn, Map<String, Object> extra) {
    String tenantId = tenant.tenantId();
    Turn next = normalized(turn);
    if (next.callSid() != null) {
      claims.claim(tenantId, next.callSid());
    }
    boolean generated = next.ts() == null;
    if (generated) {
      next = next.withTs(request.planned(PLANNED_TS, Timestamps::now));
    }
    String writeId = request.writeId();
    for (int attempt = 1; ; attempt++) {
      // An explicit old ts, or one a failed attempt fixed a while ago, may lie behind a catch-up
      // that is reading the log right now: such a turn is counted by its writer, not the catch-up.
      boolean late = catchUp.late(next.ts());
      try {
        put(tenantId, next, extra, writeId, late);
        if (late) {
          countLate(tenantId, next);
        }
        return next;
      } catch (ConditionalCheckFailedException taken) {
        Optional<Turn> ours = storedBy(tenantId, next, writeId);
        if (ours.isPresent()) {
          // The attempt that stored it may have been cut off before counting it (a no-op unless
          // that attempt marked it late).
          countLate(tenantId, ours.get());
          return ours.get();
        }
        if (!generated || attempt >= MAX_ATTEMPTS) {
          throw ApiException.conflict(
              "A turn of " + next.phoneNumber() + " at " + next.ts() + " exists already.");
        }
        next = next.withTs(request.replan(PLANNED_TS, LogTimes.after(next.ts())));
      }
    }
  }

  /**
   * Counts a late turn in the phone directory once, however many attempts of its write get here:
   * the turn's own item is marked counted first, conditionally. A turn deleted meanwhile is not
   * counted (its deletion did not uncount it either).
   */
  private void countLate(String tenantId, Turn turn) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tables.logs())
                  .key(LogItems.key(tenantId, turn.phoneNumber(), turn.ts()))
                  .updateExpression("SET #d = :counted")
                  .conditionExpression("#d = :counts")
                  .expressionAttributeNames(Map.of("#d", LogItems.DIRECTORY))
                  .expressionAttributeValues(
                      Map.of(
                          ":counted", s(LogItems.WRITER_COUNTED),
                          ":counts", s(LogItems.WRITER_COUNTS))));
    } catch (ConditionalCheckFailedException countedOrGone) {
      return;
    }
    directory.countLate(tenantId, turn);
  }

  /**
   * The turn at this key when an earlier attempt of the same write stored it (the SDK's retry of a
   * put whose answer was lost, or a retried request with the same idempotency key).
   */
  private Optional<Turn> storedBy(String tenantId, Turn turn, String writeId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.logs())
                        .key(LogItems.key(tenantId, turn.phoneNumber(), turn.ts()))
                        .consistentRead(true))
            .item();
    return item != null && writeId.equals(LogItems.text(item, LogItems.WRITE_ID))
        ? Optional.of(LogItems.turn(item))
        : Optional.empty();
  }

  public Optional<Turn> get(String phone, String ts) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(tables.logs())
                        .key(LogItems.key(tenant.tenantId(), phone, ts))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(LogItems.turn(item));
  }

  /** Changes the given texts and call SID of an existing turn; 404 when there is none. */
  public Turn update(Turn change) {
    if (change.callSid() != null && !change.callSid().isBlank()) {
      claims.claim(tenant.tenantId(), change.callSid());
    }
    List<String> sets = new ArrayList<>();
    Map<String, AttributeValue> values = new HashMap<>();
    addSet(sets, values, "user_text", change.userText());
    addSet(sets, values, "assistant_text", change.assistantText());
    addSet(sets, values, "call_sid", change.callSid());
    if (sets.isEmpty()) {
      return get(change.phoneNumber(), change.ts()).orElseThrow(() -> missing(change));
    }
    Map<String, AttributeValue> updated;
    try {
      updated =
          dynamoDb
              .updateItem(
                  b ->
                      b.tableName(tables.logs())
                          .key(LogItems.key(tenant.tenantId(), change.phoneNumber(), change.ts()))
                          .updateExpression("SET " + String.join(", ", sets))
                          .conditionExpression("attribute_exists(sk)")
                          .expressionAttributeValues(values)
                          .returnValues(ReturnValue.ALL_NEW))
              .attributes();
    } catch (ConditionalCheckFailedException e) {
      throw missing(change);
    }
    changes.announce(tenant.tenantId());
    return LogItems.turn(updated);
  }

  /** Deletes one turn; 404 when there is none. */
  public void delete(String phone, String ts) {
    String tenantId = tenant.tenantId();
    Map<String, AttributeValue> deleted;
    try {
      deleted =
          dynamoDb
              .deleteItem(
                  b ->
                      b.tableName(tables.logs())
                          .key(LogItems.key(tenantId, phone, ts))
                          .conditionExpression("attribute_exists(sk)")
                          .returnValues(ReturnValue.ALL_OLD))
              .attributes();
    } catch (ConditionalCheckFailedException e) {
      throw missing(new Turn(phone, ts, null, null, null));
    }
    changes.announce(tenantId); // before the directory: the turn is gone either way
    directory.forget(tenantId, phone, List.of(deleted));
  }

  private void put(
      String tenantId, Turn turn, Map<String, Object> extra, String writeId, boolean late) {
    Map<String, AttributeValue> item = LogItems.item(tenantId, turn);
    LogItems.addExtra(item, extra);
    item.put(LogItems.WRITE_ID, s(writeId));
    if (late) {
      item.put(LogItems.DIRECTORY, s(LogItems.WRITER_COUNTS));
    }
    dynamoDb.putItem(
        b -> b.tableName(tables.logs()).item(item).conditionExpression("attribute_not_exists(sk)"));
  }

  private static Turn normalized(Turn turn) {
    String phone = PhoneNumbers.normalize(turn.phoneNumber());
    if (phone == null || phone.isEmpty()) {
      throw ApiException.badRequest("phone_number is required.");
    }
    String ts = turn.ts() == null ? null : LogTimes.stored(turn.ts(), "ts");
    String callSid = turn.callSid() == null || turn.callSid().isBlank() ? null : turn.callSid();
    return new Turn(phone, ts, turn.userText(), turn.assistantText(), callSid);
  }

  private static void addSet(
      List<String> sets, Map<String, AttributeValue> values, String name, String value) {
    if (value != null) {
      sets.add(name + " = :" + name);
      values.put(":" + name, s(value));
    }
  }

  private static ApiException missing(Turn turn) {
    return ApiException.notFound(
        "There is no turn of " + turn.phoneNumber() + " at " + turn.ts() + ".");
  }
}
