package jp.uketsuke.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import jp.uketsuke.deploy.SecondServer;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.VoiceServerLog;
import jp.uketsuke.testing.WebhookReceivers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Calls end by themselves: two more pods on the same tables, both sweeping every second with a
 * short {@code uketsuke.calls.idle-end}, race for calls the production voice server logged straight
 * into {@code app-logs} (no API call), and each call's {@code call.ended} reaches the receiver
 * exactly once. The shared test server keeps the default idle end (10 minutes): it ends none. All
 * three servers consume the delivery queue, so the pods are configured like the shared server
 * ({@link SecondServer}).
 */
class IdleEndIT {
  private static final WireMock WIREMOCK = LocalStack.get().wiremock();
  private static final Map<String, String> SHORT_IDLE =
      Map.of("uketsuke.calls.idle-end", "PT4S", "uketsuke.calls.idle-sweep", "PT1S");
  private static final List<SecondServer> PODS = new ArrayList<>();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "idle-" + run;
  private final Api owner = Api.as(Tokens.person(tenant));

  @BeforeAll
  static void startTwoPods() throws Exception {
    forgetEarlierTestsOpenCalls();
    PODS.add(SecondServer.create("uketsuke-idle-a", SHORT_IDLE));
    PODS.add(SecondServer.create("uketsuke-idle-b", SHORT_IDLE));
    CompletableFuture.allOf(
            PODS.stream()
                .map(
                    pod ->
                        CompletableFuture.runAsync(
                            () -> {
                              try {
                                pod.start(Duration.ofMinutes(4));
                              } catch (Exception e) {
                                throw new IllegalStateException(e);
                              }
                            }))
                .toArray(CompletableFuture[]::new))
        .join();
  }

  /**
   * The shared test server has opened the calls of every earlier test (its idle end is 10 minutes,
   * so none ended). Two pods with a 4 s idle end would first end that backlog, hundreds of calls of
   * other tenants, and the test's own calls would wait behind it. They are not this test's subject.
   */
  private static void forgetEarlierTestsOpenCalls() {
    String table = RawDynamo.table("callSummaries");
    RawDynamo.client()
        .queryPaginator(
            b ->
                b.tableName(table)
                    .keyConditionExpression("client_id = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("#open")))
                    .projectionExpression("client_id, call_sid"))
        .items()
        .forEach(key -> RawDynamo.client().deleteItem(b -> b.tableName(table).key(key)));
  }

  @AfterAll
  static void stopPods() {
    PODS.forEach(SecondServer::forceStop);
  }

  @Test
  void callsTheVoiceServerLoggedDirectlyEndWhenIdleAndEachIsSentOnceAcrossTwoPods() {
    String path = "/hooks/" + run + "/idle";
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
      VoiceServerLog log = new VoiceServerLog(tenant, "0901234000" + i, callSid);
      log.caller("予約の確認をしたいです " + i);
      log.assistant("お名前をお願いします。");
      calls.add(callSid);
    }
    // The owner signs in to add the webhook: from then on the pods follow the tenant's log.
    String hookId = WebhookReceivers.subscribe(owner, path, "call.ended");

    List<LoggedRequest> got =
        Eventually.within(
            Duration.ofSeconds(120),
            () -> {
              List<LoggedRequest> sent = WIREMOCK.find(postRequestedFor(urlPathEqualTo(path)));
              assertThat(sent).hasSizeGreaterThanOrEqualTo(calls.size());
              return sent;
            });

    List<String> ended = new ArrayList<>();
    for (LoggedRequest request : got) {
      JsonObject event =
          Json.createReader(new StringReader(request.getBodyAsString())).readObject();
      assertThat(event.getString("type")).isEqualTo("call.ended");
      JsonObject summary = event.getJsonObject("data");
      assertThat(summary.getInt("turns")).isEqualTo(2);
      assertThat(summary.getString("caller_intent")).startsWith("予約の確認をしたいです");
      assertThat(
              owner
                  .get("/call/summary?call_sid=" + summary.getString("call_sid"))
                  .ok()
                  .getJsonObject("summary"))
          .isEqualTo(summary);
      ended.add(summary.getString("call_sid"));
    }
    assertThat(ended).as("one call.ended per call").containsExactlyInAnyOrderElementsOf(calls);
    // Deliveries are written before the event is queued: a second end would show here. Whichever
    // of the three servers took an event from the queue delivered it at once.
    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          List<JsonObject> deliveries =
              owner
                  .get("/webhooks/" + hookId + "/deliveries")
                  .ok()
                  .getJsonArray("items")
                  .getValuesAs(JsonObject.class);
          assertThat(deliveries).hasSize(calls.size());
          assertThat(deliveries)
              .allSatisfy(
                  delivery -> {
                    assertThat(delivery.getString("status")).isEqualTo("delivered");
                    assertThat(delivery.getInt("attempts")).isEqualTo(1);
                  });
          return deliveries;
        });
  }
}
