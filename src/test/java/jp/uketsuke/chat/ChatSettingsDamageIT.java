package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatTables.s;
import static jp.uketsuke.chat.ModelStub.answer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.uketsuke.settings.Configs;
import jp.uketsuke.settings.ExactJson;
import jp.uketsuke.settings.JsonAttributes;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Settings that the old backend or a hand edit wrote straight into {@code app-prompts}, past the
 * checks of {@code PUT}: a damaged tool is left out, the turn is still answered by the model and
 * stored, and the model is offered only the tools that are sound.
 */
class ChatSettingsDamageIT {
  /** One sound tool among every shape of damage a func-config tool can have. */
  static final String FUNCTIONS =
      """
      {"instructions": "Use the tools.", "fallback_message": 42, "tools": [
        "create_task",
        {"type": "function"},
        {"type": "function", "function": "get_task"},
        {"type": "function", "function": {"description": "no name"}},
        {"type": "function", "function": {"name": ""}},
        {"type": "function", "function": {"name": "予約する"}},
        {"type": "function", "function": {"name": 12345}},
        {"type": "function", "function": {"name": "params_text", "parameters": "{}"}},
        {"type": "function", "function": {"name": "params_list", "parameters": []}},
        {"type": "function", "function": {"name": "params_text_numbers", "parameters":
          {"type": "object", "properties": {"n": {"type": "integer", "minimum": "1"}}}}},
        {"type": "function", "function": {"name": "description_number", "description": 7}},
        {"type": "function", "function": {"name": "list_tasks", "description": "List",
          "parameters": {"type": "object", "properties":
            {"limit": {"type": "integer", "minimum": 1, "maximum": 20}}}}},
        {"type": "function", "function": {"name": "list_tasks", "description": "again"}},
        {"type": "function", "function": {"name": "get_task", "description": null,
          "parameters": null}}]}
      """;

  /** One sound ext-tool among every shape of damage an ext-tool can have. */
  static final String EXT_TOOLS =
      """
      {"ext_tools": [
        "lookup",
        {"description": "no name", "url": "https://example.com/a"},
        {"name": "", "url": "https://example.com/a"},
        {"name": "create_task", "url": "https://example.com/a"},
        {"name": "list_tasks", "url": "https://example.com/a"},
        {"name": "no_url"},
        {"name": "url_number", "url": 5},
        {"name": "bad_method", "url": "https://example.com/a", "method": "FETCH"},
        {"name": "headers_list", "url": "https://example.com/a", "headers": ["X-Key"]},
        {"name": "headers_number", "url": "https://example.com/a", "headers": {"X-Key": 5}},
        {"name": "timeout_text", "url": "https://example.com/a", "timeout": "5"},
        {"name": "timeout_negative", "url": "https://example.com/a", "timeout": -1},
        {"name": "timeout_huge", "url": "https://example.com/a", "timeout": 100000},
        {"name": "params_text", "url": "https://example.com/a", "parameters": "{}"},
        {"name": "params_bad_schema", "url": "https://example.com/a",
          "parameters": {"type": "object", "properties": {"n": {"minimum": "1"}}}},
        {"name": "weather", "description": "Weather", "method": "POST",
          "url": "https://example.com/weather", "headers": {"X-Key": "k"},
          "body": {"city": "{{city}}"}, "timeout": 5, "parameters": {"type": "object",
            "properties": {"city": {"type": "string", "minLength": 1}}}}]}
      """;

  @Test
  void damagedToolsStoredAsMapsAreLeftOutTheModelStillAnswersAndTheConsoleSeesThemAll() {
    Api owner = ChatIT.tenant("damage-maps");
    Configs.putRaw("damage-maps", "functions", map(FUNCTIONS));
    Configs.putRaw("damage-maps", "ext-tools", map(EXT_TOOLS));

    JsonObject sent = chatAnswered(owner, "damage-maps");

    assertThat(offered(sent)).containsExactly("list_tasks", "get_task", "weather");
    String raw = sent.toString();
    assertThat(raw).containsPattern("\"minimum\":1[,}]").containsPattern("\"minLength\":1[,}]");
    assertThat(systemPrompt(sent)).contains("marker:damage-maps|", "Use the tools.");
    // The console still sees everything that is stored, so that it can be mended there.
    assertThat(owner.get("/func-config").ok().getJsonObject("config").getJsonArray("tools"))
        .hasSize(14);
    assertThat(owner.get("/ext-tools").ok().getJsonObject("config").getJsonArray("ext_tools"))
        .hasSize(16);
  }

  @Test
  void damagedToolsStoredAsJsonTextWithAPromptThatIsAMapAreLeftOutAndTheModelStillAnswers() {
    Api owner = ChatIT.tenant("damage-text");
    Configs.putRaw("damage-text", "system", AttributeValue.fromM(Map.of()));
    Configs.putRaw("damage-text", "functions", AttributeValue.fromS(FUNCTIONS));
    Configs.putRaw("damage-text", "ext-tools", AttributeValue.fromS(EXT_TOOLS));

    JsonObject sent = chatAnswered(owner, "damage-text");

    assertThat(offered(sent)).containsExactly("list_tasks", "get_task", "weather");
    assertThat(systemPrompt(sent)).isEqualTo("Use the tools.");
  }

  @Test
  void theVoiceSessionIsOfferedTheSoundToolsOnlyAndALeftOutToolCannotBeInvoked() {
    Api owner = ChatIT.tenant("damage-session");
    Configs.putRaw("damage-session", "functions", map(FUNCTIONS));
    Configs.putRaw("damage-session", "ext-tools", AttributeValue.fromS(EXT_TOOLS));

    JsonObject session = owner.get("/session-config").ok();

    assertThat(session.getJsonArray("tools").getValuesAs(JsonObject.class))
        .extracting(tool -> tool.getString("name"))
        .containsExactly("list_tasks", "get_task", "weather");
    owner.post("/tools/params_text/invoke", "{\"phone_number\": \"0312340000\"}").problem(404);
  }

  /** Whole items damaged: the model is offered no tools, and the turn is answered and stored. */
  static Stream<Arguments> damagedItems() {
    return Stream.of(
        Arguments.of(
            "contents of the wrong type (numbers, a list)",
            "damage-types",
            AttributeValue.fromN("1"),
            AttributeValue.fromN("42"),
            AttributeValue.fromL(List.of(AttributeValue.fromS("x")))),
        Arguments.of(
            "text that is not JSON, or JSON that is not an object",
            "damage-notjson",
            AttributeValue.fromS("just words"),
            AttributeValue.fromS("{\"tools\": [ broken"),
            AttributeValue.fromS("[{\"name\": \"weather\"}]")),
        Arguments.of(
            "NULL attributes",
            "damage-null",
            AttributeValue.fromNul(true),
            AttributeValue.fromNul(true),
            AttributeValue.fromNul(true)),
        Arguments.of(
            "empty maps",
            "damage-empty",
            AttributeValue.fromM(Map.of()),
            AttributeValue.fromM(Map.of()),
            AttributeValue.fromM(Map.of())),
        Arguments.of(
            "tools and ext_tools that are not lists, instructions that are not text",
            "damage-lists",
            AttributeValue.fromS("you are a receptionist"),
            map(
                "{\"tools\": {\"name\": \"list_tasks\"}, \"instructions\": {\"a\": 1},"
                    + " \"fallback_message\": [\"x\"]}"),
            map("{\"ext_tools\": {\"name\": \"weather\", \"url\": \"https://example.com\"}}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedItems")
  void aTurnIsAnsweredWhateverTheItemsHold(
      String damage,
      String tenant,
      AttributeValue system,
      AttributeValue functions,
      AttributeValue extTools) {
    Api owner = Api.as(Tokens.person(tenant));
    Configs.putRaw(tenant, "system", system);
    Configs.putRaw(tenant, "functions", functions);
    Configs.putRaw(tenant, "ext-tools", extTools);

    JsonObject sent = chatAnswered(owner, tenant);

    assertThat(offered(sent)).isEmpty();
  }

  /**
   * Posts a turn whose words carry the tenant's marker (the prompt may be damaged), asserts the
   * model's reply came back and the turn was stored, and returns what the model was sent.
   */
  private static JsonObject chatAnswered(Api owner, String tenant) {
    String words = "予約できますか marker:" + tenant + "|";
    try (ModelStub model = new ModelStub("marker:" + tenant)) {
      model.always(answer("はい、承ります。", 10, 5));
      JsonObject reply = owner.post("/chat", ChatIT.chat("0312340000", words, "CA" + tenant)).ok();
      assertThat(reply.getString("reply")).isEqualTo("はい、承ります。");
      assertThat(reply.getString("mode")).isEqualTo("llm");
      List<JsonObject> sent = model.requests();
      assertThat(sent).hasSize(1);
      Map<String, AttributeValue> turn = ChatTables.turns(tenant).get(0);
      assertThat(s(turn, "user_text")).isEqualTo(words);
      assertThat(s(turn, "assistant_text")).isEqualTo("はい、承ります。");
      assertThat(s(turn, "mode")).isEqualTo("llm");
      return sent.get(0);
    }
  }

  static List<String> offered(JsonObject request) {
    JsonValue tools = request.get("tools");
    if (tools == null || tools == JsonValue.NULL) {
      return List.of();
    }
    return tools.asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(tool -> tool.getJsonObject("function").getString("name"))
        .toList();
  }

  private static String systemPrompt(JsonObject request) {
    JsonObject first = request.getJsonArray("messages").getJsonObject(0);
    return first.getString("role").equals("system") ? first.getString("content") : "";
  }

  private static AttributeValue map(String json) {
    return JsonAttributes.toAttribute(ExactJson.parse(json));
  }
}
