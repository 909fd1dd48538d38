package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.tenant.TenantContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Calls as sessions: all turns that share a {@code call_sid}. {@code CallSidIndex} is keyed by the
 * call SID alone, across tenants, so every read filters on the tenant and a SID of another tenant
 * looks exactly like an unknown one (404).
 */
@ApplicationScoped
public class CallSessions {
  static final String CALL_SID_INDEX = "CallSidIndex";

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject TenantContext tenant;
  @Inject BatchDeletes batchDeletes;
  @Inject PhoneDirectory directory;
  @Inject CallSidClaims claims;
  @Inject CallSummaries summaries;
  @Inject OpenCalls openCalls;
  @Inject CallLogChanges changes;

  /** The session's turns in time order; 404 when the tenant has none with this SID. */
  public List<Turn> session(String callSid) {
    return session(tenant.tenantId(), callSid);
  }

  /** The same for a tenant named by the caller: work outside a request (idle ends). */
  List<Turn> session(String tenantId, String callSid) {
    List<Turn> turns =
        items(tenantId, callSid).stream()
            .map(LogItems::turn)
            .sorted(Comparator.comparing(Turn::ts).thenComparing(Turn::phoneNumber))
            .toList();
    if (turns.isEmpty()) {
      throw unknown(callSid);
    }
    return turns;
  }

  /**
   * Deletes every turn of the session, and what was derived from them: the call's summary and its
   * open-call entry; returns how many turns. The summary goes before the turns (a retry after a
   * failure finds the call still there) and again after them (an idle end that raced the delete
   * stored one meanwhile).
   */
  public int delete(String callSid) {
    String tenantId = tenant.tenantId();
    List<Map<String, AttributeValue>> items = items(tenantId, callSid);
    if (items.isEmpty()) {
      throw unknown(callSid);
    }
    openCalls.close(tenantId, callSid);
    summaries.delete(tenantId, callSid);
    int deleted;
    try {
      deleted = batchDeletes.delete(tables.logs(), items.stream().map(LogItems::keyOf).toList());
    } finally { // also when only some were deleted
      changes.announce(tenantId);
    }
    summaries.delete(tenantId, callSid);
    items.stream()
        .collect(
            Collectors.groupingBy(
                item -> PhoneNumbers.normalize(LogItems.turn(item).phoneNumber()),
                Collectors.toList()))
        .forEach((phone, turns) -> directory.forget(tenantId, phone, turns));
    return deleted;
  }

  /**
   * True when the call is the tenant's (ownership checks of recordings): the tenant holds its claim
   * ({@link CallSidClaims}), whatever turns others wrote into the log. A SID nobody claimed (calls
   * the voice server logged straight into the table) is the tenant's when it logged the call and no
   * other tenant did, and is then claimed for it; a SID two tenants logged belongs to nobody:
   * knowing a SID must not be enough to claim its recordings.
   */
  public boolean belongsToTenant(String tenantId, String callSid) {
    Optional<String> owner = claims.owner(callSid);
    if (owner.isPresent()) {
      return owner.get().equals(tenantId);
    }
    return onlyTenantLogged(tenantId, callSid) && claims.tryClaim(tenantId, callSid);
  }

  /**
   * The tenant a call SID belongs to, for callers that learn the SID without a tenant (Twilio's
   * status callback): the tenant holding its claim, or else the one tenant that logged it (which
   * then claims it); empty when nobody logged it, or several tenants did.
   */
  public Optional<String> ownerOf(String callSid) {
    Optional<String> owner = claims.owner(callSid);
    if (owner.isPresent()) {
      return owner;
    }
    Map<String, AttributeValue> first =
        dynamoDb.query(tenantsOfCall(callSid).limit(1).build()).items().stream()
            .findFirst()
            .orElse(null);
    if (first == null) {
      return Optional.empty();
    }
    String tenantId = first.get(LogItems.TENANT).s();
    return belongsToTenant(tenantId, callSid) ? Optional.of(tenantId) : Optional.empty();
  }

  /** Reads only the tenant of each turn, and stops at the first turn of another tenant. */
  private boolean onlyTenantLogged(String tenantId, String callSid) {
    Iterator<Map<String, AttributeValue>> turns =
        dynamoDb.queryPaginator(tenantsOfCall(callSid).build()).items().iterator();
    boolean logged = false;
    while (turns.hasNext()) {
      if (!tenantId.equals(turns.next().get(LogItems.TENANT).s())) {
        return false;
      }
      logged = true;
    }
    return logged;
  }

  /** The call's turns by {@code CallSidIndex}, only the tenant of each read. */
  private QueryRequest.Builder tenantsOfCall(String callSid) {
    return QueryRequest.builder()
        .tableName(tables.logs())
        .indexName(CALL_SID_INDEX)
        .keyConditionExpression("call_sid = :c")
        .projectionExpression("#t")
        .expressionAttributeNames(Map.of("#t", LogItems.TENANT))
        .expressionAttributeValues(Map.of(":c", s(callSid)));
  }

  private List<Map<String, AttributeValue>> items(String tenantId, String callSid) {
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(tables.logs())
                    .indexName(CALL_SID_INDEX)
                    .keyConditionExpression("call_sid = :c")
                    .filterExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":c", s(callSid), ":t", s(tenantId))))
        .items()
        .stream()
        .toList();
  }

  private static ApiException unknown(String callSid) {
    return ApiException.notFound("There is no call " + callSid + ".");
  }
}
