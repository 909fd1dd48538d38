package jp.uketsuke.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ChatTables.s;
import static jp.uketsuke.chat.ModelStub.answer;
import static jp.uketsuke.chat.ModelStub.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.uketsuke.exttools.ExtTools;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An ext-tool called through the chat loop, end to end: the tenant saves a tool that points at
 * WireMock (the one host:port the test server exempts from the internal-address rule), the model
 * asks for it, WireMock gets the arguments escaped, and the tool's answer goes back to the model.
 */
class ChatExtToolIT {
  private static final String ARGUMENTS =
      "{\"city\": \"../admin\", \"q\": \"晴れ&x=1\", \"note\": \"he said \\\"hi\\\"\\n\"}";

  @Test
  void theModelsToolCallReachesTheToolEscapedAndItsAnswerGoesBackToTheModel() {
    WireMock wm = LocalStack.get().wiremock();
    Api owner = tenant("chat-ext-ok");
    owner.put("/ext-tools", extTools("http://127.0.0.1:" + wiremockPort())).ok();
    StubMapping tool =
        wm.register(
            WireMock.post(urlPathMatching("/ext-tool/chat-ext-ok/.*"))
                .willReturn(okJson("{\"forecast\": \"快晴 ext-ok-result\"}")));
    try (ModelStub model = new ModelStub("marker:chat-ext-ok")) {
      String scenario = "ext-ok";
      model.add(
          model
              .request()
              .inScenario(scenario)
              .whenScenarioStateIs(Scenario.STARTED)
              .willSetStateTo("tool-called")
              .willReturn(toolCalls("weather", ARGUMENTS)));
      // The second round answers only if the tool's result is among the messages it is sent.
      model.add(
          model
              .request()
              .inScenario(scenario)
              .whenScenarioStateIs("tool-called")
              .withRequestBody(
                  matchingJsonPath(
                      "$.messages[?(@.role == 'tool' && @.tool_call_id == 'call_0')].content",
                      containing("快晴 ext-ok-result")))
              .willReturn(answer("明日は快晴です。", 10, 5)));

      JsonObject reply = owner.post("/chat", chat("0311115555", "明日の天気は", null)).ok();
      assertThat(reply.getString("mode")).isEqualTo("llm");
      assertThat(reply.getString("reply")).isEqualTo("明日は快晴です。");
      assertThat(model.requests()).hasSize(2);
    } finally {
      wm.removeStubMapping(tool);
    }

    List<LoggedRequest> calls =
        wm.find(postRequestedFor(urlPathMatching("/ext-tool/chat-ext-ok/.*")));
    assertThat(calls).hasSize(1);
    LoggedRequest call = calls.get(0);
    assertThat(call.getUrl())
        .isEqualTo("/ext-tool/chat-ext-ok/%2E%2E%2Fadmin?q=%E6%99%B4%E3%82%8C%26x%3D1");
    JsonObject body = ExtTools.json(call.getBodyAsString());
    assertThat(body.getString("note")).isEqualTo("he said \"hi\"\n");
    assertThat(body.getString("text")).isEqualTo("note: he said \"hi\"\n");
    assertThat(body.keySet()).containsExactlyInAnyOrder("note", "text");

    Map<String, AttributeValue> turn = ChatTables.turns("chat-ext-ok").get(0);
    assertThat(s(turn, "mode")).isEqualTo("llm");
    assertThat(turn.get("tools").l()).extracting(AttributeValue::s).containsExactly("weather");
  }

  @Test
  void anotherTenantIsNotOfferedTheToolAndLoopbackElsewhereIsStillRefused() {
    Api owner = Api.as(Tokens.person("chat-ext-other"));
    int port = wiremockPort();
    owner.put("/ext-tools", extTools("http://127.0.0.1:" + port)).ok();
    // Any other port of the same loopback address is still internal.
    owner.put("/ext-tools", extTools("http://127.0.0.1:1")).problem(400);
    owner.put("/ext-tools", extTools("http://localhost:" + port)).problem(400);

    Api other = tenant("chat-ext-stranger");
    try (ModelStub model = new ModelStub("marker:chat-ext-stranger")) {
      model.inTurn(toolCalls("weather", ARGUMENTS), answer("分かりません。", 1, 1));
      other.post("/chat", chat("0311115556", "天気は", null)).ok();
      List<JsonObject> sent = model.requests();
      assertThat(sent.get(0).getOrDefault("tools", JsonValue.NULL).toString())
          .doesNotContain("weather");
      assertThat(ChatIT.toolContents(sent.get(1)))
          .singleElement()
          .asString()
          .contains("\"ok\":false", "no tool named weather");
    }
  }

  private static int wiremockPort() {
    return URI.create(LocalStack.get().wiremockUrl()).getPort();
  }

  /**
   * The turn's deadline bounds a single model call too: a round that starts with less time left
   * than the read timeout reads only for what is left. Round 1 takes 1.5 s and asks for a tool that
   * takes 3 s, so round 2 starts with about 1.5 s of the test server's 6 s left; its model answers
   * after 1.8 s, within the 2 s read timeout but after the deadline, and is not waited for.
   */
  @Test
  void aModelCallStartedNearTheDeadlineWaitsOnlyForWhatIsLeftOfTheTurn() {
    WireMock wm = LocalStack.get().wiremock();
    Api owner = tenant("chat-ext-late");
    owner.put("/ext-tools", extTools("http://127.0.0.1:" + wiremockPort(), "chat-ext-late")).ok();
    StubMapping tool =
        wm.register(
            WireMock.post(urlPathMatching("/ext-tool/chat-ext-late/.*"))
                .willReturn(okJson("{\"forecast\": \"雨\"}").withFixedDelay(3_000)));
    try (ModelStub model = new ModelStub("marker:chat-ext-late")) {
      String scenario = "ext-late";
      model.add(
          model
              .request()
              .inScenario(scenario)
              .whenScenarioStateIs(Scenario.STARTED)
              .willSetStateTo("tool-called")
              .willReturn(toolCalls("weather", ARGUMENTS).withFixedDelay(1_500)));
      model.add(
          model
              .request()
              .inScenario(scenario)
              .whenScenarioStateIs("tool-called")
              .willReturn(answer("遅すぎた答え", 10, 5).withFixedDelay(1_800)));

      JsonObject reply = owner.post("/chat", chat("0311115557", "明日の天気は", null)).ok();

      assertThat(reply.getString("mode")).isEqualTo("fallback");
      assertThat(reply.getString("reply")).isEqualTo(ChatFallbackIT.APOLOGY);
    } finally {
      wm.removeStubMapping(tool);
    }
    Map<String, AttributeValue> turn = ChatTables.turns("chat-ext-late").get(0);
    assertThat(s(turn, "mode")).isEqualTo("fallback");
    // cut while reading ("model failed: ..."), or not started when the machine was slower still
    assertThat(s(turn, "error")).containsAnyOf("model failed", "deadline reached");
    assertThat(turn.get("tools").l()).extracting(AttributeValue::s).containsExactly("weather");
  }

  private static String extTools(String base) {
    return extTools(base, "chat-ext-ok");
  }

  private static String extTools(String base, String pathSlug) {
    JsonObject tool =
        Json.createObjectBuilder()
            .add("name", "weather")
            .add("description", "The forecast for a city")
            .add("method", "POST")
            .add("url", base + "/ext-tool/" + pathSlug + "/{{city}}?q={{q}}")
            .add("headers", Json.createObjectBuilder().add("X-Test", "ext"))
            .add(
                "body",
                Json.createObjectBuilder().add("note", "{{note}}").add("text", "note: {{note}}"))
            .add("timeout", 5)
            .add(
                "parameters",
                Json.createObjectBuilder()
                    .add("type", "object")
                    .add(
                        "properties",
                        Json.createObjectBuilder()
                            .add("city", Json.createObjectBuilder().add("type", "string"))
                            .add("q", Json.createObjectBuilder().add("type", "string"))
                            .add("note", Json.createObjectBuilder().add("type", "string"))))
            .build();
    return Json.createObjectBuilder()
        .add(
            "config",
            Json.createObjectBuilder().add("ext_tools", Json.createArrayBuilder().add(tool)))
        .build()
        .toString();
  }
}
