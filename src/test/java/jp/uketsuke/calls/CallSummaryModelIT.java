package jp.uketsuke.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a model configured (WireMock plays it; the test server's OpenAI base URL), a call's summary
 * is written by one model call, mode {@code llm}, its tokens metered in {@code /usage}; a model
 * that fails or answers something else leaves the extractive summary. Each stub matches only
 * requests that carry this test's marker, which the call's turns contain.
 */
class CallSummaryModelIT {
  private static final WireMock WIREMOCK = LocalStack.get().wiremock();
  private static final String MODEL = "/v1/chat/completions";
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "summary-" + run;
  private final Api owner = Api.as(Tokens.person(tenant));
  private final Api voice = Api.as(Tokens.service()).header("x-client-id", tenant);
  private final List<StubMapping> stubs = new ArrayList<>();

  @AfterEach
  void removeStubs() {
    stubs.forEach(WIREMOCK::removeStubMapping);
  }

  @Test
  void oneModelCallWritesTheSummaryAndItsTokensAreMetered() {
    String marker = "MSOK" + run;
    model(
        marker,
        okJson(
            answer(
                "```json\n{\"text\": \"明日19時に2名の予約を受け付けました。"
                    + marker
                    + "\", \"caller_intent\": \"ディナーの予約\"}\n```",
                123,
                45)));
    long[] before = tokens();
    String callSid = call("明日の19時に2名で予約したいです " + marker, "かしこまりました。");

    JsonObject summary = end(callSid);

    assertThat(summary.getString("mode")).isEqualTo("llm");
    assertThat(summary.getString("text")).isEqualTo("明日19時に2名の予約を受け付けました。" + marker);
    assertThat(summary.getString("caller_intent")).isEqualTo("ディナーの予約");
    assertThat(summary.getInt("turns")).isEqualTo(1);
    String sent = onlyModelRequest(marker);
    assertThat(sent).contains("Caller: 明日の19時に2名で予約したいです", "Assistant: かしこまりました。");
    long[] after = tokens();
    assertThat(after[0] - before[0]).as("tokens in").isEqualTo(123);
    assertThat(after[1] - before[1]).as("tokens out").isEqualTo(45);
    assertThat(after[2]).as("turns: a summary is not a turn").isEqualTo(before[2]);

    // Computed once, stored: ending again or reading it asks the model nothing.
    assertThat(end(callSid)).isEqualTo(summary);
    assertThat(owner.get("/call/summary?call_sid=" + callSid).ok().getJsonObject("summary"))
        .isEqualTo(summary);
    onlyModelRequest(marker);
  }

  /**
   * Two ends of one call at the same moment (the voice server's and Twilio's, say): the second
   * waits for the first one's summary instead of paying for a model call of its own.
   */
  @Test
  void twoEndsAtOnceAskTheModelOnce() throws Exception {
    String marker = "MSTWO" + run;
    model(
        marker,
        okJson(answer("{\"text\": \"予約の確認。" + marker + "\", \"caller_intent\": \"確認\"}", 10, 5))
            .withFixedDelay(1000));
    String callSid = call("予約の確認をしたいです " + marker, "お名前をお願いします。");

    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> end(callSid));
    var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> end(callSid));

    assertThat(first.get().getString("mode")).isEqualTo("llm");
    assertThat(second.get()).isEqualTo(first.get());
    onlyModelRequest(marker);
  }

  @Test
  void aFailingModelLeavesTheExtractiveSummary() {
    String failing = "MSFAIL" + run;
    // A refusal (400): unlike a 5xx it does not count toward the circuit breaker that the chat
    // tests share with this one, and the summary falls back the same way.
    model(failing, aResponse().withStatus(400).withBody("{\"error\": {\"message\": \"no\"}}"));
    JsonObject failed = end(call("営業時間を教えてください " + failing, "9時から18時です。"));
    assertThat(failed.getString("mode")).isEqualTo("extractive");
    assertThat(failed.getString("caller_intent")).isEqualTo("営業時間を教えてください " + failing);

    String rambling = "MSTEXT" + run;
    model(rambling, okJson(answer("The caller asked about opening hours.", 50, 8)));
    long[] before = tokens();
    JsonObject plain = end(call("駐車場はありますか " + rambling, "ございます。"));
    assertThat(plain.getString("mode"))
        .as("an answer that is not the JSON asked for")
        .isEqualTo("extractive");
    assertThat(tokens()[0] - before[0]).as("its tokens were spent all the same").isEqualTo(50);
  }

  private void model(String marker, ResponseDefinitionBuilder response) {
    stubs.add(
        WIREMOCK.register(
            post(urlPathEqualTo(MODEL)).withRequestBody(containing(marker)).willReturn(response)));
  }

  private String onlyModelRequest(String marker) {
    var requests =
        WIREMOCK.find(postRequestedFor(urlPathEqualTo(MODEL)).withRequestBody(containing(marker)));
    assertThat(requests).hasSize(1);
    return requests.get(0).getBodyAsString();
  }

  private String call(String said, String answered) {
    String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
    voice
        .post(
            "/call",
            Json.createObjectBuilder()
                .add("phone_number", "09011112222")
                .add("call_sid", callSid)
                .add("user_text", said)
                .add("assistant_text", answered)
                .build()
                .toString())
        .ok();
    return callSid;
  }

  private JsonObject end(String callSid) {
    return voice
        .post("/call/end", "{\"call_sid\": \"" + callSid + "\"}")
        .ok()
        .getJsonObject("summary");
  }

  /** The tenant's tokens in, tokens out and turns over the last days. */
  private long[] tokens() {
    long[] sums = new long[3];
    owner
        .get("/usage")
        .ok()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .forEach(
            day -> {
              sums[0] += day.getJsonNumber("tokens_in").longValue();
              sums[1] += day.getJsonNumber("tokens_out").longValue();
              sums[2] += day.getJsonNumber("turns").longValue();
            });
    return sums;
  }

  private static String answer(String content, int in, int out) {
    return Json.createObjectBuilder()
        .add("id", "chatcmpl-summary")
        .add("object", "chat.completion")
        .add("model", "gpt-4o-mini")
        .add(
            "choices",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("index", 0)
                        .add(
                            "message",
                            Json.createObjectBuilder()
                                .add("role", "assistant")
                                .add("content", content))
                        .add("finish_reason", "stop")))
        .add(
            "usage",
            Json.createObjectBuilder()
                .add("prompt_tokens", in)
                .add("completion_tokens", out)
                .add("total_tokens", in + out))
        .build()
        .toString();
  }
}
