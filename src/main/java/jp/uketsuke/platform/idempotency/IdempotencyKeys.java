package jp.uketsuke.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import jp.uketsuke.platform.Tables;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency keys in {@code app-idempotency} ({@code client_id}, {@code key}): claimed with a
 * conditional put, owned through a random token and a lease (a pod that dies mid-request leaves a
 * lease that runs out, and a retry takes over), completed with the outcome, expired after a day
 * ({@code expires_at}, the table's TTL attribute, also checked here because TTL deletes late).
 */
@ApplicationScoped
public class IdempotencyKeys {
  /** Outcomes larger than this are not kept whole (an item holds at most 400 KB). */
  static final int MAX_BODY = 350 * 1024;

  private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class.getName());

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  @Inject
  @ConfigProperty(name = "uketsuke.idempotency.lease", defaultValue = "PT30S")
  Duration lease;

  @Inject
  @ConfigProperty(name = "uketsuke.idempotency.ttl", defaultValue = "PT24H")
  Duration ttl;

  /** Claims the key for a request with this fingerprint, or says why not. */
  Claim claim(String tenantId, String key, String fingerprint) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Instant now = Instant.now();
      String owner = UUID.randomUUID().toString();
      Map<String, AttributeValue> item = new HashMap<>(key(tenantId, key));
      item.put("fingerprint", s(fingerprint));
      item.put("state", s("pending"));
      item.put("owner", s(owner));
      item.put("lease_until", n(now.plus(lease).toEpochMilli()));
      item.put("expires_at", n(now.plus(ttl).getEpochSecond()));
      item.put("plan", AttributeValue.fromM(Map.of()));
      try {
        dynamoDb.putItem(
            b ->
                b.tableName(tables.idempotency())
                    .item(item)
                    .conditionExpression("attribute_not_exists(#k) OR expires_at < :now")
                    .expressionAttributeNames(Map.of("#k", "key"))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))));
        return new Claim(Claim.State.STARTED, owner, Map.of(), null);
      } catch (ConditionalCheckFailedException used) {
        Claim found = existing(tenantId, key, fingerprint, now);
        if (found != null) {
          return found;
        }
      }
    }
    return Claim.of(Claim.State.BUSY);
  }

  /**
   * The state of a key in use; null when it changed under us (claim again). A request that failed
   * (5xx) or whose pod died (lease over) is taken over, keeping what it planned.
   */
  private Claim existing(String tenantId, String key, String fingerprint, Instant now) {
    Map<String, AttributeValue> item = read(tenantId, key);
    if (item == null) {
      return null;
    }
    if (!fingerprint.equals(item.get("fingerprint").s())) {
      return Claim.of(Claim.State.MISMATCH);
    }
    String state = item.get("state").s();
    if ("done".equals(state)) {
      return new Claim(Claim.State.DONE, null, Map.of(), outcome(item));
    }
    if ("pending".equals(state)
        && Long.parseLong(item.get("lease_until").n()) > now.toEpochMilli()) {
      return Claim.of(Claim.State.BUSY);
    }
    String owner = UUID.randomUUID().toString();
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tables.idempotency())
                  .key(key(tenantId, key))
                  .updateExpression("SET #s = :pending, #o = :me, lease_until = :lease")
                  .conditionExpression("#o = :was")
                  .expressionAttributeNames(Map.of("#s", "state", "#o", "owner"))
                  .expressionAttributeValues(
                      Map.of(
                          ":pending", s("pending"),
                          ":me", s(owner),
                          ":lease", n(now.plus(lease).toEpochMilli()),
                          ":was", item.get("owner"))));
    } catch (ConditionalCheckFailedException takenMeanwhile) {
      return null;
    }
    Map<String, String> plan = new HashMap<>();
    item.getOrDefault("plan", AttributeValue.fromM(Map.of()))
        .m()
        .forEach((k, v) -> plan.put(k, v.s()));
    return new Claim(Claim.State.STARTED, owner, plan, null);
  }

  /** The outcome of a finished request with this key, when there is one. */
  Outcome finished(String tenantId, String key) {
    Map<String, AttributeValue> item = read(tenantId, key);
    return item != null && "done".equals(item.get("state").s()) ? outcome(item) : null;
  }

  /** Fixes a value the work will write (a generated timestamp), before it writes it. */
  void plan(String tenantId, String key, String owner, String name, String value) {
    updateOwned(
        tenantId,
        key,
        owner,
        "SET #p.#n = :v",
        Map.of("#p", "plan", "#n", name),
        Map.of(":v", s(value)));
  }

  /** Keeps the first outcome; false when it could not (taken over, or the store is down). */
  boolean complete(String tenantId, String key, String owner, Outcome outcome) {
    byte[] body = outcome.body() == null ? new byte[0] : outcome.body();
    try {
      updateOwned(
          tenantId,
          key,
          owner,
          "SET #s = :done, #st = :status, content_type = :type, body = :body",
          Map.of("#s", "state", "#st", "status"),
          Map.of(
              ":done", s("done"),
              ":status", n(outcome.status()),
              ":type", s(outcome.contentType() == null ? "" : outcome.contentType()),
              ":body",
                  body.length == 0 || body.length > MAX_BODY
                      ? AttributeValue.fromNul(true)
                      : AttributeValue.fromB(SdkBytes.fromByteArray(body))));
      return true;
    } catch (ConditionalCheckFailedException takenOver) {
      return false;
    } catch (SdkException storeDown) {
      // The answer is on its way already; the key stays claimed until its lease ends, and a retry
      // then takes over and finds its turn written (see IdempotentRequest).
      LOG.warning("idempotency: outcome not kept (" + storeDown.getClass().getSimpleName() + ")");
      return false;
    }
  }

  /** A request that failed (5xx) leaves the key to its retry, with what it planned. */
  void release(String tenantId, String key, String owner) {
    try {
      updateOwned(
          tenantId,
          key,
          owner,
          "SET #s = :retry, lease_until = :zero",
          Map.of("#s", "state"),
          Map.of(":retry", s("retry"), ":zero", n(0)));
    } catch (ConditionalCheckFailedException takenOver) {
      // Another attempt owns it now.
    } catch (SdkException storeDown) {
      // The lease ends by itself; a retry takes over then.
      LOG.warning("idempotency: key not released (" + storeDown.getClass().getSimpleName() + ")");
    }
  }

  /** An update of a key this request owns (the condition fails once another took it over). */
  private void updateOwned(
      String tenantId,
      String key,
      String owner,
      String update,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    Map<String, String> allNames = new HashMap<>(names);
    allNames.put("#o", "owner");
    Map<String, AttributeValue> allValues = new HashMap<>(values);
    allValues.put(":me", s(owner));
    dynamoDb.updateItem(
        b ->
            b.tableName(tables.idempotency())
                .key(key(tenantId, key))
                .updateExpression(update)
                .conditionExpression("#o = :me")
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(allValues));
  }

  private Map<String, AttributeValue> read(String tenantId, String key) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b -> b.tableName(tables.idempotency()).key(key(tenantId, key)).consistentRead(true))
            .item();
    if (item == null
        || item.isEmpty()
        || Long.parseLong(item.get("expires_at").n()) < Instant.now().getEpochSecond()) {
      return null;
    }
    return item;
  }

  private static Outcome outcome(Map<String, AttributeValue> item) {
    AttributeValue body = item.get("body");
    String type = item.get("content_type").s();
    return new Outcome(
        Integer.parseInt(item.get("status").n()),
        type.isEmpty() ? null : type,
        body == null || body.b() == null ? null : body.b().asByteArray());
  }

  private static Map<String, AttributeValue> key(String tenantId, String key) {
    return Map.of("client_id", s(tenantId), "key", s(key));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
