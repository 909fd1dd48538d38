package jp.uketsuke.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import jp.uketsuke.testing.LocalStack;

/**
 * WireMock playing the model for one test. All tests share one WireMock, so every stub matches only
 * requests that carry the test's own marker (its tenant's prompt), and {@link #close} removes them.
 */
public final class ModelStub implements AutoCloseable {
  static final String PATH = "/v1/chat/completions";

  private final WireMock wm = LocalStack.get().wiremock();
  private final String marker;
  private final List<StubMapping> stubs = new ArrayList<>();

  /**
   * @param marker as {@link ChatIT#tenant} writes it into the prompt; a closing {@code |} is added
   *     so that {@code marker:a} does not also match {@code marker:a-b}
   */
  public ModelStub(String marker) {
    this.marker = marker + "|";
  }

  /** Every request of this test answers {@code response}. */
  public ModelStub always(ResponseDefinitionBuilder response) {
    return add(request().willReturn(response));
  }

  /** The n-th request (from 1) of this test answers {@code responses[n-1]}, in order. */
  ModelStub inTurn(ResponseDefinitionBuilder... responses) {
    String scenario = "model-" + marker;
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "s" + i;
      add(
          request()
              .inScenario(scenario)
              .whenScenarioStateIs(state)
              .willSetStateTo("s" + (i + 1))
              .willReturn(responses[i]));
    }
    return this;
  }

  MappingBuilder request() {
    return post(urlPathEqualTo(PATH)).withRequestBody(containing(marker));
  }

  ModelStub add(MappingBuilder mapping) {
    stubs.add(wm.register(mapping));
    return this;
  }

  /** The bodies the service sent for this test, oldest first. */
  List<JsonObject> requests() {
    return rawRequests().stream()
        .map(body -> Json.createReader(new StringReader(body)).readObject())
        .toList();
  }

  /** The request whose last message is {@code text} (the caller's words of that turn). */
  JsonObject requestFor(String text) {
    return requests().stream()
        .filter(
            r -> {
              var messages = r.getJsonArray("messages");
              return messages
                  .getJsonObject(messages.size() - 1)
                  .getString("content", "")
                  .equals(text);
            })
        .findFirst()
        .orElseThrow(() -> new AssertionError("the model got no turn ending with " + text));
  }

  /** The bodies as sent, byte for byte (numbers as written). */
  List<String> rawRequests() {
    List<String> bodies =
        new ArrayList<>(
            wm
                .find(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing(marker)))
                .stream()
                .sorted(
                    java.util.Comparator.comparing(
                            com.github.tomakehurst.wiremock.verification.LoggedRequest
                                ::getLoggedDate)
                        .thenComparing(r -> r.getBodyAsString().length()))
                .map(r -> r.getBodyAsString())
                .toList());
    return bodies;
  }

  @Override
  public void close() {
    stubs.forEach(wm::removeStubMapping);
  }

  /** A plain text answer of the model (also used by tests outside this package). */
  public static ResponseDefinitionBuilder answer(
      String text, int promptTokens, int completionTokens) {
    return okJson(
        Json.createObjectBuilder()
            .add("id", "chatcmpl-test")
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
                                    .add("content", text))
                            .add("finish_reason", "stop")))
            .add("usage", usage(promptTokens, completionTokens))
            .build()
            .toString());
  }

  /** The model asks for one tool call per {@code name, argumentsJson} pair. */
  static ResponseDefinitionBuilder toolCalls(String... nameAndArguments) {
    var calls = Json.createArrayBuilder();
    for (int i = 0; i < nameAndArguments.length; i += 2) {
      calls.add(
          Json.createObjectBuilder()
              .add("id", "call_" + i)
              .add("type", "function")
              .add(
                  "function",
                  Json.createObjectBuilder()
                      .add("name", nameAndArguments[i])
                      .add("arguments", nameAndArguments[i + 1])));
    }
    return okJson(
        Json.createObjectBuilder()
            .add("id", "chatcmpl-tools")
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
                                    .addNull("content")
                                    .add("tool_calls", calls))
                            .add("finish_reason", "tool_calls")))
            .add("usage", usage(20, 10))
            .build()
            .toString());
  }

  private static jakarta.json.JsonObjectBuilder usage(int prompt, int completion) {
    return Json.createObjectBuilder()
        .add("prompt_tokens", prompt)
        .add("completion_tokens", completion)
        .add("total_tokens", prompt + completion);
  }
}
