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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.WebhookReceivers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /call/end}: the first end of a call stores its extractive summary and sends one
 * {@code call.ended}; ending it again answers the same summary and sends nothing more.
 */
class CallEndedIT {
  private static final WireMock WIREMOCK = LocalStack.get().wiremock();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "ended-" + run;
  private final Api owner = Api.as(Tokens.person(tenant));
  private final Api voice = Api.as(Tokens.service()).header("x-client-id", tenant);
  private final String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
  private final String phone = "090" + (10_000_000 + Math.abs(run.hashCode() % 89_999_999));

  @Test
  void theFirstEndStoresTheSummaryAndSendsCallEndedOnce() {
    String path = "/hooks/" + run + "/ended";
    String hookId = WebhookReceivers.subscribe(owner, path, "call.ended");
    turn("明日の19時に2名で予約したいです", "かしこまりました。");
    String task = "reservation-" + run;
    voice
        .post(
            "/task",
            "{\"name\": \""
                + task
                + "\", \"phone_number\": \""
                + phone
                + "\", \"call_sid\": \""
                + callSid
                + "\"}")
        .ok();
    turn("ありがとう", "ご予約を承りました。お待ちしております。");
    owner.get("/call/summary?call_sid=" + callSid).problem(404);

    JsonObject summary =
        voice
            .post("/call/end", "{\"call_sid\": \"" + callSid + "\"}")
            .ok()
            .getJsonObject("summary");

    assertThat(summary.getString("call_sid")).isEqualTo(callSid);
    assertThat(summary.getInt("turns")).isEqualTo(2);
    assertThat(summary.getString("caller_intent")).isEqualTo("明日の19時に2名で予約したいです");
    assertThat(summary.getJsonArray("tasks").getString(0)).isEqualTo(task);
    assertThat(summary.getString("text")).contains("明日の19時", task, "お待ちしております");
    assertThat(summary.getString("mode")).isEqualTo("extractive");
    JsonObject again =
        owner
            .post("/call/end", "{\"call_sid\": \"" + callSid + "\"}")
            .ok()
            .getJsonObject("summary");
    assertThat(again).isEqualTo(summary);
    assertThat(owner.get("/call/summary?call_sid=" + callSid).ok().getJsonObject("summary"))
        .isEqualTo(summary);
    // Deliveries are written before an end is acknowledged: the second end wrote none.
    assertThat(owner.get("/webhooks/" + hookId + "/deliveries").ok().getJsonArray("items"))
        .hasSize(1);
    JsonObject event = onlyEvent(path);
    assertThat(event.getString("type")).isEqualTo("call.ended");
    assertThat(event.getJsonObject("data")).isEqualTo(summary);
  }

  @Test
  void aCallWhoseFirstEndDiedBeforePublishingSendsCallEndedOnceWhenEndedAgain() {
    String path = "/hooks/" + run + "/resumed";
    String hookId = WebhookReceivers.subscribe(owner, path, "call.ended");
    turn("駐車場はありますか", "2台分ございます。");
    // What a pod that stopped between storing the summary and publishing left behind: the summary,
    // no delivery, no outbox entry.
    String endedAt = "2026-12-05T01:02:03.456789+00:00";
    storedSummary(endedAt);

    JsonObject summary =
        voice
            .post("/call/end", "{\"call_sid\": \"" + callSid + "\"}")
            .ok()
            .getJsonObject("summary");
    voice.post("/call/end", "{\"call_sid\": \"" + callSid + "\"}").ok();

    assertThat(summary.getString("text")).isEqualTo("駐車場の質問");
    assertThat(owner.get("/webhooks/" + hookId + "/deliveries").ok().getJsonArray("items"))
        .hasSize(1);
    JsonObject event = onlyEvent(path);
    assertThat(event.getString("type")).isEqualTo("call.ended");
    assertThat(event.getString("created_at")).isEqualTo(endedAt);
    assertThat(event.getJsonObject("data")).isEqualTo(summary);
  }

  @Test
  void aCallWhoseFirstEndDiedBeforeQueueingItsDeliverySendsCallEndedWhenEndedAgain() {
    String path = "/hooks/" + run + "/unqueued";
    String hookId = WebhookReceivers.subscribe(owner, path, "call.ended");
    turn("駐車場はありますか", "2台分ございます。");
    // What a pod that stopped between writing the delivery and its outbox entry left behind: the
    // summary and a delivery never tried, which no queue message names.
    String endedAt = "2026-12-05T01:02:03.456789+00:00";
    storedSummary(endedAt);
    String eventId =
        WebhookEvent.idOf(
            java.time.OffsetDateTime.parse(endedAt).toInstant(),
            tenant,
            WebhookEvents.CALL_ENDED,
            callSid);
    String body =
        "{\"id\":\""
            + eventId
            + "\",\"type\":\"call.ended\",\"created_at\":\""
            + endedAt
            + "\",\"data\":{\"call_sid\":\""
            + callSid
            + "\"}}";
    RawDynamo.client()
        .putItem(
            b ->
                b.tableName(RawDynamo.table("webhooks"))
                    .item(
                        Map.of(
                            "client_id", AttributeValue.fromS(tenant),
                            "sk", AttributeValue.fromS("delivery#" + hookId + "#" + eventId),
                            "event_id", AttributeValue.fromS(eventId),
                            "type", AttributeValue.fromS("call.ended"),
                            "status", AttributeValue.fromS("retrying"),
                            "attempts", AttributeValue.fromN("0"),
                            "created_at", AttributeValue.fromS(endedAt),
                            "body", AttributeValue.fromS(body))));

    voice.post("/call/end", "{\"call_sid\": \"" + callSid + "\"}").ok();

    JsonObject event = onlyEvent(path);
    assertThat(event.getString("id")).isEqualTo(eventId);
    assertThat(owner.get("/webhooks/" + hookId + "/deliveries").ok().getJsonArray("items"))
        .hasSize(1);
  }

  /** Erasing a call by its SID leaves nothing derived from its turns: the summary goes too. */
  @Test
  void deletingAnEndedCallDeletesItsSummary() {
    turn("駐車場はありますか", "はい、3台分ございます。");
    voice.post("/call/end", "{\"call_sid\": \"" + callSid + "\"}").ok();
    owner.get("/call/summary?call_sid=" + callSid).ok();

    assertThat(owner.delete("/call?call_sid=" + callSid).ok().getInt("deleted")).isEqualTo(1);

    owner.get("/call/summary?call_sid=" + callSid).problem(404);
    assertThat(owner.get("/callers/" + phone).ok().toString()).doesNotContain(callSid);
  }

  @Test
  void aCallWithoutTurnsCannotEnd() {
    owner.post("/call/end", "{\"call_sid\": \"CAnever" + run + "\"}").problem(404);
    owner.post("/call/end", "{}").problem(400);
    owner.get("/call/summary").problem(400);
  }

  /** The one event the receiver at {@code path} got (waiting for it), as JSON. */
  private static JsonObject onlyEvent(String path) {
    LoggedRequest request =
        Eventually.within(
            Duration.ofSeconds(30),
            () -> {
              List<LoggedRequest> got = WIREMOCK.find(postRequestedFor(urlPathEqualTo(path)));
              assertThat(got).hasSize(1);
              return got.get(0);
            });
    return Json.createReader(new StringReader(request.getBodyAsString())).readObject();
  }

  private void storedSummary(String endedAt) {
    RawDynamo.client()
        .putItem(
            b ->
                b.tableName(RawDynamo.table("callSummaries"))
                    .item(
                        Map.of(
                            "client_id", AttributeValue.fromS(tenant),
                            "call_sid", AttributeValue.fromS(callSid),
                            "phone_number", AttributeValue.fromS(phone),
                            "started_at", AttributeValue.fromS(endedAt),
                            "ended_at", AttributeValue.fromS(endedAt),
                            "turns", AttributeValue.fromN("1"),
                            "text", AttributeValue.fromS("駐車場の質問"),
                            "caller_intent", AttributeValue.fromS("駐車場はありますか"),
                            "tasks", AttributeValue.fromL(List.of()),
                            "mode", AttributeValue.fromS("extractive"))));
  }

  private void turn(String said, String answered) {
    voice
        .post(
            "/call",
            Json.createObjectBuilder()
                .add("phone_number", phone)
                .add("call_sid", callSid)
                .add("user_text", said)
                .add("assistant_text", answered)
                .build()
                .toString())
        .ok();
  }
}
