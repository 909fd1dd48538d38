package jp.uketsuke.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ChatTables.s;
import static jp.uketsuke.chat.ModelStub.answer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import jp.uketsuke.testing.Api;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /chat} when the model struggles: retried where it helps, else answered offline. */
class ChatFallbackIT {
  static final String APOLOGY = "申し訳ございません。ただいま担当者におつなぎできません。後ほどおかけ直しください。";

  @Test
  void aRateLimitIsRetriedAndTheSecondAnswerIsUsed() {
    Api owner = tenant("chat-429");
    try (ModelStub model = new ModelStub("marker:chat-429")) {
      model.inTurn(aResponse().withStatus(429), answer("お待たせしました。", 5, 5));
      JsonObject reply = owner.post("/chat", chat("0311110000", "こんにちは", null)).ok();
      assertThat(reply.getString("mode")).isEqualTo("llm");
      assertThat(reply.getString("reply")).isEqualTo("お待たせしました。");
      assertThat(model.requests()).hasSize(2);
    }
  }

  @Test
  void aFailingModelAnswersFromTheMatchingFaqAndTheTurnIsStillStored() {
    Api owner = tenant("chat-500");
    owner.post("/faq", "{\"question\": \"駐車場はありますか\", \"answer\": \"はい、5台分ございます。\"}").ok();
    try (ModelStub model = new ModelStub("marker:chat-500")) {
      model.always(aResponse().withStatus(500));
      JsonObject reply =
          owner.post("/chat", chat("0311110001", "駐車場はありますか？", "CAfallback-500")).ok();
      assertThat(reply.getString("mode")).isEqualTo("faq");
      assertThat(reply.getString("reply")).isEqualTo("はい、5台分ございます。");
      assertThat(model.requests()).hasSize(3);
    }
    Map<String, AttributeValue> turn = ChatTables.turns("chat-500").get(0);
    assertThat(s(turn, "mode")).isEqualTo("faq");
    assertThat(s(turn, "assistant_text")).isEqualTo("はい、5台分ございます。");
    assertThat(s(turn, "error")).isNotBlank();
  }

  @Test
  void aModelSlowerThanTheReadTimeoutGetsTheFallbackMessageAndTheTurnIsStored() {
    Api owner = tenant("chat-slow");
    try (ModelStub model = new ModelStub("marker:chat-slow")) {
      model.always(answer("遅すぎる答え", 1, 1).withFixedDelay(10_000));
      long started = System.nanoTime();
      JsonObject reply = owner.post("/chat", chat("0311110002", "もしもし", null)).ok();
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertThat(reply.getString("mode")).isEqualTo("fallback");
      assertThat(reply.getString("reply")).isEqualTo(APOLOGY);
      assertThat(tookMs).isLessThan(9_000);
    }
    Map<String, AttributeValue> turn = ChatTables.turns("chat-slow").get(0);
    assertThat(s(turn, "mode")).isEqualTo("fallback");
    assertThat(s(turn, "user_text")).isEqualTo("もしもし");
    assertThat(s(turn, "assistant_text")).isEqualTo(APOLOGY);
  }

  @Test
  void aTenantsOwnFallbackMessageIsUsedWhenTheModelRefusesTheRequest() {
    Api owner = tenant("chat-own-fallback");
    owner
        .put(
            "/func-config", "{\"config\": {\"tools\": [], \"fallback_message\": \"只今混み合っております。\"}}")
        .ok();
    try (ModelStub model = new ModelStub("marker:chat-own-fallback")) {
      model.always(aResponse().withStatus(400).withBody("{\"error\": {\"message\": \"bad\"}}"));
      JsonObject reply = owner.post("/chat", chat("0311110003", "こんにちは", null)).ok();
      assertThat(reply.getString("mode")).isEqualTo("fallback");
      assertThat(reply.getString("reply")).isEqualTo("只今混み合っております。");
      assertThat(model.requests()).hasSize(1);
    }
  }
}
