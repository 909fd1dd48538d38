package jp.uketsuke.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ChatTables.s;
import static jp.uketsuke.chat.ModelStub.answer;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code POST /chat} while the model fails in every way WireMock can play: the caller still gets an
 * answer (the matching FAQ or the fallback message), the turn is stored, and a model that keeps
 * failing opens the circuit, which closes again once the model answers. Each test starts with the
 * breaker closed and a clean window, so every fault really reaches the model.
 */
class ModelFaultIT {
  private static final String QUESTION = "営業時間は何時までですか";
  private static final String FAQ_ANSWER = "午後6時まで営業しております。";

  @BeforeEach
  void closedCircuit() {
    ModelCircuit.closeAndClear();
  }

  @AfterAll
  static void leaveTheCircuitClosed() {
    ModelCircuit.closeAndClear();
  }

  @Test
  void aRateLimitThatPersistsIsRetriedTwiceThenTheFaqAnswers() {
    assertAnsweredWithoutTheModel("mf-429", aResponse().withStatus(429), 3);
  }

  @Test
  void aServerErrorThatPersistsIsRetriedTwiceThenTheFaqAnswers() {
    assertAnsweredWithoutTheModel("mf-500", aResponse().withStatus(500), 3);
  }

  @Test
  void aModelSlowerThanTheReadTimeoutIsAskedOnceThenTheFaqAnswers() {
    assertAnsweredWithoutTheModel("mf-slow", answer("遅すぎる", 1, 1).withFixedDelay(8_000), 1);
  }

  @Test
  void malformedJsonFromTheModelIsNotRetriedAndTheFaqAnswers() {
    assertAnsweredWithoutTheModel(
        "mf-malformed",
        aResponse()
            .withHeader("Content-Type", "application/json")
            .withBody("{\"choices\": [{\"message\": {\"content\": \"途中で"),
        1);
  }

  @Test
  void aConnectionResetIsNotRetriedAndTheFaqAnswers() {
    assertAnsweredWithoutTheModel(
        "mf-reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 1);
  }

  @Test
  void withoutAMatchingFaqAFailingModelGivesTheFallbackMessage() {
    Api owner = tenant("mf-no-faq");
    try (ModelStub model = new ModelStub("marker:mf-no-faq")) {
      model.always(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
      JsonObject reply = owner.post("/chat", chat("0312000001", "もしもし", null)).ok();
      assertThat(reply.getString("mode")).isEqualTo("fallback");
      assertThat(reply.getString("reply")).isEqualTo(ChatFallbackIT.APOLOGY);
      assertThat(model.rawRequests()).hasSize(1);
    }
    Map<String, AttributeValue> turn = onlyTurn("mf-no-faq");
    assertThat(s(turn, "mode")).isEqualTo("fallback");
    assertThat(s(turn, "assistant_text")).isEqualTo(ChatFallbackIT.APOLOGY);
  }

  @Test
  void repeatedFailuresOpenTheCircuitSoTheModelIsNoLongerCalledAndASuccessLaterClosesIt() {
    Api owner = withFaq("mf-circuit");
    long openedBefore = ModelCircuit.timesOpened();
    int turns = 0;
    try (ModelStub model = new ModelStub("marker:mf-circuit")) {
      model.always(aResponse().withStatus(500));
      int requests = 0;
      boolean open = false;
      while (!open && turns < 8) {
        JsonObject reply = owner.post("/chat", chat("0312000002", QUESTION, null)).ok();
        turns++;
        assertThat(reply.getString("mode")).isEqualTo("faq");
        int now = model.rawRequests().size();
        open = now == requests;
        requests = now;
      }
      assertThat(open).as("a turn was answered without asking the model").isTrue();
      assertThat(turns).as("turns until the circuit opened").isBetween(2, 4);
      for (int i = 0; i < 2; i++) {
        owner.post("/chat", chat("0312000002", QUESTION, null)).ok();
        turns++;
      }
      assertThat(model.rawRequests()).as("model calls while open").hasSize(requests);
    }
    assertThat(ModelCircuit.timesOpened()).isGreaterThan(openedBefore);
    assertThat(ChatTables.turns("mf-circuit")).as("every turn stored").hasSize(turns);

    try (ModelStub model = new ModelStub("marker:mf-circuit")) {
      model.always(answer("またお電話ください。", 2, 2));
      String mode = "faq";
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!mode.equals("llm") && System.nanoTime() < deadline) {
        ModelCircuit.sleep(500);
        mode = owner.post("/chat", chat("0312000003", "まだですか", null)).ok().getString("mode");
      }
      assertThat(mode).as("the model answers again once the delay is over").isEqualTo("llm");
      assertThat(owner.post("/chat", chat("0312000003", "ありがとう", null)).ok().getString("mode"))
          .isEqualTo("llm");
    }
  }

  /** One turn against the fault: answered from the FAQ, the model asked as often as expected. */
  private static void assertAnsweredWithoutTheModel(
      String name, ResponseDefinitionBuilder fault, int expectedRequests) {
    Api owner = withFaq(name);
    try (ModelStub model = new ModelStub("marker:" + name)) {
      model.always(fault);
      JsonObject reply = owner.post("/chat", chat("0312000000", QUESTION, "CA" + name)).ok();
      assertThat(reply.getString("mode")).isEqualTo("faq");
      assertThat(reply.getString("reply")).isEqualTo(FAQ_ANSWER);
      assertThat(model.rawRequests()).as("model calls").hasSize(expectedRequests);
    }
    Map<String, AttributeValue> turn = onlyTurn(name);
    assertThat(s(turn, "user_text")).isEqualTo(QUESTION);
    assertThat(s(turn, "assistant_text")).isEqualTo(FAQ_ANSWER);
    assertThat(s(turn, "mode")).isEqualTo("faq");
    assertThat(s(turn, "call_sid")).isEqualTo("CA" + name);
    assertThat(s(turn, "error")).isNotBlank();
  }

  private static Api withFaq(String name) {
    Api owner = tenant(name);
    owner
        .post("/faq", "{\"question\": \"" + QUESTION + "\", \"answer\": \"" + FAQ_ANSWER + "\"}")
        .ok();
    return owner;
  }

  private static Map<String, AttributeValue> onlyTurn(String tenant) {
    List<Map<String, AttributeValue>> turns = ChatTables.turns(tenant);
    assertThat(turns).hasSize(1);
    return turns.get(0);
  }
}
