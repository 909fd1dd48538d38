package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.Tables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Who owns a call SID that nobody claimed (turns the voice server wrote straight into the table),
 * against a stand-in for the store that answers the {@code CallSidIndex} query page by page with
 * the tenant of each turn; a claimed SID is decided by its claim alone (the rules end to end:
 * {@code CallSidClaimIT}).
 */
class CallSessionsTest {
  private final List<QueryRequest> requests = new ArrayList<>();
  private String claimedBy;
  private final List<String> claimedFor = new ArrayList<>();

  @Test
  void aClaimedSidIsItsClaimantsWhateverTheLogHolds() {
    claimedBy = "clinic";
    CallSessions sessions = sessions(List.of("garden"));
    assertThat(sessions.belongsToTenant("garden", "CA1")).isFalse();
    assertThat(sessions.belongsToTenant("clinic", "CA1")).isTrue();
    assertThat(requests).as("the log is not read").isEmpty();
  }

  @Test
  void anUnclaimedSidOnlyTheTenantLoggedIsClaimedForIt() {
    assertThat(sessions(List.of("garden")).belongsToTenant("garden", "CA1")).isTrue();
    assertThat(claimedFor).containsExactly("garden");
  }

  @Test
  void aSidOnlyTheTenantLoggedIsItsAndOneNobodyLoggedIsNobodys() {
    assertThat(
            sessions(List.of("garden", "garden"), List.of("garden"))
                .belongsToTenant("garden", "CA1"))
        .isTrue();
    assertThat(sessions().belongsToTenant("garden", "CA1")).isFalse();
  }

  @Test
  void aSidAnotherTenantLoggedTooBelongsToNeitherWhicheverLoggedFirst() {
    CallSessions sessions = sessions(List.of("garden"), List.of("garden", "clinic"));
    assertThat(sessions.belongsToTenant("garden", "CA1")).isFalse();
    assertThat(sessions.belongsToTenant("clinic", "CA1")).isFalse();
    assertThat(sessions(List.of("clinic")).belongsToTenant("garden", "CA1")).isFalse();
  }

  @Test
  void onlyTheTenantOfEachTurnIsReadAndReadingStopsAtAnotherTenantsTurn() {
    CallSessions sessions =
        sessions(List.of("garden"), List.of("clinic"), List.of("garden"), List.of("garden"));

    assertThat(sessions.belongsToTenant("garden", "CA1")).isFalse();

    assertThat(requests).hasSize(2);
    QueryRequest first = requests.get(0);
    assertThat(first.indexName()).isEqualTo(CallSessions.CALL_SID_INDEX);
    assertThat(first.expressionAttributeValues()).containsEntry(":c", LogItems.s("CA1"));
    assertThat(first.projectionExpression()).isEqualTo("#t");
    assertThat(first.expressionAttributeNames())
        .containsExactlyEntriesOf(Map.of("#t", "client_id"));
  }

  /** Each argument is one page of the query's answer: the tenants of its turns. */
  @SafeVarargs
  private CallSessions sessions(List<String>... pages) {
    CallSessions sessions = new CallSessions();
    sessions.tables = new Tables();
    sessions.claims =
        new CallSidClaims() {
          @Override
          Optional<String> owner(String callSid) {
            return Optional.ofNullable(claimedBy);
          }

          @Override
          boolean tryClaim(String tenantId, String callSid) {
            claimedFor.add(tenantId);
            return true;
          }
        };
    sessions.dynamoDb =
        new DynamoDbClient() {
          @Override
          public QueryResponse query(QueryRequest request) {
            int page =
                request.hasExclusiveStartKey()
                    ? Integer.parseInt(request.exclusiveStartKey().get("page").n())
                    : 0;
            requests.add(request);
            QueryResponse.Builder response =
                QueryResponse.builder()
                    .items(
                        pages.length == 0
                            ? List.of()
                            : pages[page].stream()
                                .map(tenant -> Map.of(LogItems.TENANT, LogItems.s(tenant)))
                                .toList());
            if (page + 1 < pages.length) {
              response.lastEvaluatedKey(
                  Map.of("page", AttributeValue.fromN(String.valueOf(page + 1))));
            }
            return response.build();
          }

          @Override
          public String serviceName() {
            return SERVICE_NAME;
          }

          @Override
          public void close() {}
        };
    return sessions;
  }
}
