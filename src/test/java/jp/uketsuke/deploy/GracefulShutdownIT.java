package jp.uketsuke.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.uketsuke.chat.ModelStub;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A rollout stops a pod while callers are mid-turn: on SIGTERM, Liberty's quiesce stage must refuse
 * new connections and still finish every request in flight. A second server (the shared one keeps
 * serving the other tests) gets slow chat turns from a model stub that answers after {@value
 * #MODEL_DELAY_MS} ms, and is stopped while they wait for it.
 */
class GracefulShutdownIT {
  static final String TENANT = "graceful-shutdown";
  static final String MARKER = "marker:" + TENANT + "|";
  static final int IN_FLIGHT = 5;

  /** Long enough to stop the server meanwhile, shorter than the model's 15 s timeout. */
  static final int MODEL_DELAY_MS = 11_000;

  static SecondServer server;
  static StubMapping slowModel;

  @BeforeAll
  static void startSecondServer() throws Exception {
    Api.as(Tokens.person(TENANT))
        .put("/prompt", "{\"content\": \"Receptionist. " + MARKER + "\"}")
        .ok();
    server =
        SecondServer.create(
            "uketsuke-shutdown",
            // The model answers after 11 s: the read timeout and the turn's deadline (which also
            // bounds each model call) leave room for it; the test server's own are 2 s and 6 s.
            Map.of("uketsuke.openai.read-timeout", "PT14S", "uketsuke.chat.deadline", "PT25S"));
    server.start(Duration.ofMinutes(4));
  }

  @AfterAll
  static void cleanUp() {
    if (slowModel != null) {
      LocalStack.get().wiremock().removeStubMapping(slowModel);
    }
    if (server != null) {
      server.forceStop();
    }
  }

  @Test
  void stoppingTheServerRefusesNewConnectionsAndFinishesEveryTurnInFlight() throws Exception {
    WireMock wm = LocalStack.get().wiremock();
    slowModel =
        wm.register(
            post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(MARKER))
                .willReturn(ModelStub.answer("少々お待たせしました。", 10, 5).withFixedDelay(MODEL_DELAY_MS)));
    String token = Tokens.person(TENANT);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> turns = new ArrayList<>();
    List<Long> finishedAt = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      String body =
          "{\"phone_number\": \"0312340%03d\", \"user_text\": \"shutdown turn %d\"}"
              .formatted(i, i);
      turns.add(
          http.sendAsync(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat"))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .timeout(Duration.ofSeconds(90))
                      .POST(BodyPublishers.ofString(body))
                      .build(),
                  BodyHandlers.ofString())
              .whenComplete((r, e) -> finishedAt.add(System.nanoTime())));
    }
    awaitModelCalls(wm, IN_FLIGHT, Duration.ofSeconds(60));
    assertThat(turns).noneMatch(CompletableFuture::isDone);

    long stopAt = System.nanoTime();
    CompletableFuture<ProcessHandle> stopped = server.terminate();
    long refusedAt = awaitRefused(Duration.ofSeconds(30));
    assertThat(turns)
        .as("new connections are refused while the turns still wait for the model")
        .noneMatch(CompletableFuture::isDone);

    CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
    for (var turn : turns) {
      HttpResponse<String> response = turn.get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonObject reply = Json.createReader(new StringReader(response.body())).readObject();
      assertThat(reply.getString("reply")).isEqualTo("少々お待たせしました。");
      assertThat(reply.getString("mode")).isEqualTo("llm");
    }
    assertThat(finishedAt).allMatch(t -> t > refusedAt && t > stopAt);
    stopped.get(2, TimeUnit.MINUTES);
    // The quiesce the Deployment's grace period is sized for (DeploymentManifestsTest): 30 s.
    assertThat(java.nio.file.Files.readString(server.messagesLog()))
        .contains("CWWKE1100I: Waiting for up to 30 seconds for the server to quiesce.")
        .contains("CWWKE1101I")
        .doesNotContain("CWWKE1102W");
    assertThat(storedTurns())
        .containsAll(
            java.util.stream.IntStream.range(0, IN_FLIGHT)
                .mapToObj(i -> "shutdown turn " + i)
                .toList());
  }

  /** Polls until a new TCP connection to the server is refused; returns when. */
  private static long awaitRefused(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", server.port), 1000);
      } catch (ConnectException e) {
        return System.nanoTime();
      } catch (IOException e) {
        // a timeout: try again
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the server still accepted connections " + timeout + " after stop");
  }

  private static void awaitModelCalls(WireMock wm, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      seen =
          wm.find(
                  postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                      .withRequestBody(containing(MARKER)))
              .size();
      if (seen >= count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("only " + seen + " of " + count + " turns reached the model");
  }

  private static List<String> storedTurns() {
    return RawDynamo.client()
        .query(
            b ->
                b.tableName(RawDynamo.table("logs"))
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(TENANT))))
        .items()
        .stream()
        .map(item -> item.get("user_text"))
        .filter(v -> v != null && v.s() != null)
        .map(AttributeValue::s)
        .toList();
  }
}
