package jp.uketsuke.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Webhooks against WireMock receivers, through the stack's SQS (ElasticMQ): deliveries are signed
 * as docs/webhooks.md says, a receiver that fails is tried again until it answers 2xx and the
 * deliveries show each attempt's outcome, task changes become events, and another tenant can
 * neither see, test, rotate nor delete a tenant's webhooks.
 */
class WebhooksIT {
  private static final WireMock WIREMOCK = LocalStack.get().wiremock();
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "hooks-" + run;
  private final Api owner = Api.as(Tokens.person(tenant));

  @Test
  void aTestEventArrivesSignedWithTheSecretShownAtCreation() {
    String path = "/hooks/" + run + "/signed";
    WIREMOCK.register(post(urlPathEqualTo(path)).willReturn(ok()));
    JsonObject item = create(path, "[\"task.created\"]").getJsonObject("item");
    String secret = item.getString("secret");
    assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");

    String eventId =
        owner.post("/webhooks/" + item.getString("id") + "/test", "{}").ok().getString("event_id");

    LoggedRequest request = Eventually.within(WAIT, () -> single(received(path)));
    assertThat(request.getHeader("Uketsuke-Event-Id")).isEqualTo(eventId);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    String body = request.getBodyAsString();
    assertThat(verifies(request.getHeader("Uketsuke-Signature"), body, secret)).isTrue();
    assertThat(verifies(request.getHeader("Uketsuke-Signature"), body + " ", secret)).isFalse();
    JsonObject event = json(body);
    assertThat(event.getString("id")).isEqualTo(eventId);
    assertThat(event.getString("type")).isEqualTo("webhook.test");
    assertThat(event.getJsonObject("data").getString("webhook_id")).isEqualTo(item.getString("id"));
    assertThat(owner.get("/webhooks").ok().toString()).doesNotContain(secret);
  }

  @Test
  void aReceiverThatFailsTwiceGetsTheTaskEventOnTheThirdAttemptAndDeliveriesShowIt() {
    String path = "/hooks/" + run + "/flaky";
    String scenario = "flaky-" + run;
    WIREMOCK.register(
        post(urlPathEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("failed once"));
    WIREMOCK.register(
        post(urlPathEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs("failed once")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("failed twice"));
    WIREMOCK.register(
        post(urlPathEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs("failed twice")
            .willReturn(ok()));
    String id =
        create(path, "[\"task.created\", \"task.cancelled\"]")
            .getJsonObject("item")
            .getString("id");
    String task = "予約" + run;

    owner.post("/task", "{\"name\": \"" + task + "\", \"request\": \"2名\"}").ok();

    JsonObject delivery =
        Eventually.within(
            WAIT,
            () -> {
              JsonObject d = onlyDelivery(id);
              assertThat(d.getString("status")).isEqualTo("delivered");
              return d;
            });
    assertThat(delivery.getInt("attempts")).isEqualTo(3);
    assertThat(delivery.getInt("last_status_code")).isEqualTo(200);
    assertThat(delivery.getString("type")).isEqualTo("task.created");
    assertThat(delivery.getString("delivered_at")).isNotBlank();
    List<LoggedRequest> attempts = received(path);
    assertThat(attempts).hasSize(3);
    assertThat(attempts)
        .extracting(r -> r.getHeader("Uketsuke-Event-Id"))
        .containsOnly(delivery.getString("event_id"));
    assertThat(attempts)
        .extracting(LoggedRequest::getBodyAsString)
        .containsOnly(attempts.get(0).getBodyAsString());
    JsonObject event = json(attempts.get(0).getBodyAsString());
    assertThat(event.getJsonObject("data").getString("name")).isEqualTo(task);
    assertThat(event.getJsonObject("data").getString("request")).isEqualTo("2名");
  }

  @Test
  void cancellingATaskSendsTaskCancelledAndAPlainUpdateSendsNothingUnsubscribed() {
    String path = "/hooks/" + run + "/cancel";
    WIREMOCK.register(post(urlPathEqualTo(path)).willReturn(ok()));
    String id = create(path, "[\"task.cancelled\"]").getJsonObject("item").getString("id");
    String task = "cancel-" + run;
    owner.post("/task", "{\"name\": \"" + task + "\"}").ok();
    owner.put("/task/" + task, "{\"request\": \"変更\"}").ok();
    owner.put("/task/" + task, "{\"status\": \"cancelled\"}").ok();

    LoggedRequest request = Eventually.within(WAIT, () -> single(received(path)));
    JsonObject event = json(request.getBodyAsString());
    assertThat(event.getString("type")).isEqualTo("task.cancelled");
    assertThat(event.getJsonObject("data").getString("status")).isEqualTo("cancelled");
    assertThat(onlyDelivery(id).getString("type")).isEqualTo("task.cancelled");
  }

  @Test
  void aDeliveryThatAStoppedPodLeftInTheOutboxIsSentByTheSweep() {
    String path = "/hooks/" + run + "/orphan";
    WIREMOCK.register(post(urlPathEqualTo(path)).willReturn(ok()));
    String hookId = create(path, "[\"task.created\"]").getJsonObject("item").getString("id");
    // What WebhookEvents wrote before the change was acknowledged, when the pod stopped before
    // the queue took the message: the delivery and its outbox entry, a minute old.
    String at =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx")
            .format(Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC));
    String eventId = "evt_" + String.format("%012x", System.currentTimeMillis()) + run + run;
    String body =
        "{\"id\":\""
            + eventId
            + "\",\"type\":\"task.created\",\"created_at\":\""
            + at
            + "\",\"data\":{\"name\":\"left-"
            + run
            + "\"}}";
    String table = RawDynamo.table("webhooks");
    RawDynamo.client()
        .putItem(
            b ->
                b.tableName(table)
                    .item(
                        Map.of(
                            "client_id",
                            s(tenant),
                            "sk",
                            s("delivery#" + hookId + "#" + eventId),
                            "event_id",
                            s(eventId),
                            "type",
                            s("task.created"),
                            "status",
                            s("retrying"),
                            "attempts",
                            AttributeValue.fromN("0"),
                            "created_at",
                            s(at),
                            "body",
                            s(body))));
    Map<String, AttributeValue> outboxKey =
        Map.of(
            "client_id", s("#outbox"), "sk", s(at + "#" + tenant + "#" + hookId + "#" + eventId));
    Map<String, AttributeValue> entry = new java.util.HashMap<>(outboxKey);
    entry.putAll(Map.of("tenant", s(tenant), "hook_id", s(hookId), "event_id", s(eventId)));
    RawDynamo.client().putItem(b -> b.tableName(table).item(entry));

    LoggedRequest request = Eventually.within(WAIT, () -> single(received(path)));
    assertThat(request.getHeader("Uketsuke-Event-Id")).isEqualTo(eventId);
    assertThat(request.getBodyAsString()).isEqualTo(body);
    Eventually.holds(
        WAIT, () -> assertThat(onlyDelivery(hookId).getString("status")).isEqualTo("delivered"));
    assertThat(RawDynamo.client().getItem(b -> b.tableName(table).key(outboxKey)).hasItem())
        .as("the outbox entry, once the queue took it")
        .isFalse();
  }

  @Test
  void aChangeThatFailedWritesNoDelivery() {
    String path = "/hooks/" + run + "/failed-changes";
    WIREMOCK.register(post(urlPathEqualTo(path)).willReturn(ok()));
    String hookId =
        create(path, "[\"task.created\", \"task.updated\", \"task.cancelled\"]")
            .getJsonObject("item")
            .getString("id");
    String task = "failing-" + run;
    owner.post("/task", "{\"name\": \"" + task + "\"}").ok();

    owner.post("/task", "{\"name\": \"" + task + "\"}").problem(409);
    owner.put("/task/" + task, "{\"status\": \"done\"}").problem(409);
    owner.put("/task/missing-" + task, "{\"request\": \"x\"}").problem(404);

    // Deliveries are written before a change is acknowledged: no waiting needed to see them all.
    var items = owner.get("/webhooks/" + hookId + "/deliveries").ok().getJsonArray("items");
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getString("type")).isEqualTo("task.created");
  }

  @Test
  void afterARotationBothSecretsSignUntilTheOldOneExpires() {
    String path = "/hooks/" + run + "/rotated";
    WIREMOCK.register(post(urlPathEqualTo(path)).willReturn(ok()));
    JsonObject item = create(path, "[\"task.created\"]").getJsonObject("item");
    String id = item.getString("id");
    String fresh = owner.post("/webhooks/" + id + "/rotate-secret", "{}").ok().getString("secret");
    assertThat(fresh).isNotEqualTo(item.getString("secret")).startsWith("whsec_");

    owner.post("/webhooks/" + id + "/test", "{}").ok();

    LoggedRequest request = Eventually.within(WAIT, () -> single(received(path)));
    String signature = request.getHeader("Uketsuke-Signature");
    assertThat(signature.split(",v1=")).hasSize(3);
    assertThat(verifies(signature, request.getBodyAsString(), fresh)).isTrue();
    assertThat(verifies(signature, request.getBodyAsString(), item.getString("secret"))).isTrue();
  }

  /**
   * The body is checked with Bean Validation as /faq and /call are: every field, one problem naming
   * all that is wrong (in field order), the address rule's refusal among them.
   */
  @Test
  void aBodyWithTwoBadFieldsIsOneProblemNamingBoth() {
    assertThat(
            owner
                .post(
                    "/webhooks",
                    "{\"url\": \"http://hooks.example.com/x\", \"events\": [\"task.deleted\"]}")
                .problem(400)
                .getString("error"))
        .isEqualTo(
            "events may only hold [call.ended, task.cancelled, task.created, task.updated]."
                + " url must use https.");
  }

  @Test
  void urlsFollowTheExtToolAddressRuleAndEventsMustBeKnown() {
    owner
        .post(
            "/webhooks",
            "{\"url\": \"http://hooks.example.com/x\", \"events\": [\"task.created\"]}")
        .problem(400);
    owner
        .post("/webhooks", "{\"url\": \"https://10.0.0.5/x\", \"events\": [\"task.created\"]}")
        .problem(400);
    owner
        .post("/webhooks", "{\"url\": \"https://localhost/x\", \"events\": [\"task.created\"]}")
        .problem(400);
    owner
        .post(
            "/webhooks",
            "{\"url\": \"https://hooks.example.com/x\", \"events\": [\"task.deleted\"]}")
        .problem(400);
    owner
        .post("/webhooks", "{\"url\": \"https://hooks.example.com/x\", \"events\": []}")
        .problem(400);
    owner.post("/webhooks", "[]").problem(400);
    JsonObject ok =
        owner
            .post(
                "/webhooks",
                "{\"url\": \"https://hooks.example.com/x\", \"events\": [\"call.ended\"], \"description\": \"Slack\"}")
            .ok()
            .getJsonObject("item");
    assertThat(ok.getString("description")).isEqualTo("Slack");
    assertThat(ok.getJsonArray("events").getString(0)).isEqualTo("call.ended");
  }

  @Test
  void anotherTenantCanNeitherSeeTestRotateNorDeleteAWebhook() {
    String path = "/hooks/" + run + "/private";
    WIREMOCK.register(post(urlPathEqualTo(path)).willReturn(ok()));
    String id = create(path, "[\"call.ended\"]").getJsonObject("item").getString("id");
    Api other = Api.as(Tokens.person("hooks-other-" + run));

    assertThat(other.get("/webhooks").ok().getJsonArray("items")).isEmpty();
    other.post("/webhooks/" + id + "/test", "{}").problem(404);
    other.post("/webhooks/" + id + "/rotate-secret", "{}").problem(404);
    other.get("/webhooks/" + id + "/deliveries").problem(404);
    other.delete("/webhooks/" + id).problem(404);

    assertThat(owner.get("/webhooks").ok().getJsonArray("items")).hasSize(1);
    assertThat(received(path)).isEmpty();
    owner.delete("/webhooks/" + id).ok();
    assertThat(owner.get("/webhooks").ok().getJsonArray("items")).isEmpty();
    owner.delete("/webhooks/" + id).problem(404);
  }

  private JsonObject create(String path, String events) {
    String url = LocalStack.get().wiremockUrl() + path;
    return owner.post("/webhooks", "{\"url\": \"" + url + "\", \"events\": " + events + "}").ok();
  }

  private JsonObject onlyDelivery(String hookId) {
    var items = owner.get("/webhooks/" + hookId + "/deliveries").ok().getJsonArray("items");
    assertThat(items).hasSize(1);
    return items.getJsonObject(0);
  }

  private static List<LoggedRequest> received(String path) {
    return new ArrayList<>(WIREMOCK.find(postRequestedFor(urlPathEqualTo(path))));
  }

  private static LoggedRequest single(List<LoggedRequest> requests) {
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** What docs/webhooks.md tells a receiver to do, with its 5-minute tolerance. */
  static boolean verifies(String header, String rawBody, String secret) {
    long t = -1;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      if (part.startsWith("t=")) {
        t = Long.parseLong(part.substring(2));
      } else if (part.startsWith("v1=")) {
        signatures.add(part.substring(3));
      }
    }
    if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected =
          HexFormat.of()
              .formatHex(mac.doFinal((t + "." + rawBody).getBytes(StandardCharsets.UTF_8)));
      return signatures.stream()
          .anyMatch(
              s ->
                  java.security.MessageDigest.isEqual(
                      s.getBytes(StandardCharsets.US_ASCII),
                      expected.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
