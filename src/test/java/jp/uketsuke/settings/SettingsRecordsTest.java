package jp.uketsuke.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.uketsuke.exttools.ExtTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Settings items written past the API, read as the chat engine reads them: every shape of damage
 * leaves the damaged tool (or field) out, names it in the problems, and keeps the sound tools.
 */
class SettingsRecordsTest {
  static final String SOUND_FUNCTION =
      "{\"type\": \"function\", \"function\": {\"name\": \"list_tasks\", \"description\": \"List\","
          + " \"parameters\": {\"type\": \"object\", \"properties\": {\"n\": {\"type\":"
          + " \"integer\", \"minimum\": 1}}}}}";
  static final String SOUND_EXT_TOOL =
      "{\"name\": \"weather\", \"method\": \"GET\", \"url\": \"https://example.com/w/{{city}}\","
          + " \"headers\": {\"X-Key\": \"k\"}, \"timeout\": 5, \"parameters\": {\"type\":"
          + " \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}";
  static final Set<String> TAKEN = Set.of("create_task", "list_tasks", "get_task");

  static Stream<Arguments> funcConfigs() {
    return Stream.of(
        whole("content is text that is not JSON", AttributeValue.fromS("just words"), null),
        whole("content is a number", AttributeValue.fromN("42"), "content is not an object"),
        whole("content is a list", list(), "content is not an object"),
        whole("content is JSON text of a list", AttributeValue.fromS("[]"), "not an object"),
        whole("content is NULL", AttributeValue.fromNul(true), "content is not an object"),
        whole("content is an empty map", AttributeValue.fromM(Map.of()), null),
        whole("tools is a map", map("{\"tools\": {\"a\": 1}}"), "tools is not a list"),
        whole("tools is text", map("{\"tools\": \"list_tasks\"}"), "tools is not a list"),
        tool("a tool that is text", "\"list_tasks\"", "tools[0] is left out: it is not an object"),
        tool("a tool without function", "{\"type\": \"function\"}", "has no function"),
        tool(
            "a tool of another type",
            "{\"type\": \"web\", \"function\": {\"name\": \"x\"}}",
            "is not of type"),
        tool(
            "function that is text",
            "{\"type\": \"function\", \"function\": \"get_task\"}",
            "function that is not an object"),
        tool("function without name", fn("\"description\": \"d\""), "has no name"),
        tool("an empty name", fn("\"name\": \"\""), "has no name"),
        tool("a name with a space", fn("\"name\": \"get task\""), "OpenAI refuses"),
        tool("a name in Japanese", fn("\"name\": \"予約する\""), "OpenAI refuses"),
        tool("a name of 65 characters", fn("\"name\": \"" + "a".repeat(65) + "\""), "refuses"),
        tool("a name stored as a number (N)", fn("\"name\": 123"), "name that is not text"),
        tool("parameters as text", fn("\"name\": \"x\", \"parameters\": \"{}\""), "Schema obj"),
        tool("parameters as a list", fn("\"name\": \"x\", \"parameters\": []"), "Schema object"),
        tool(
            "parameters with a number stored as text",
            fn(
                "\"name\": \"x\", \"parameters\": {\"type\": \"object\", \"properties\": {\"n\":"
                    + " {\"type\": \"integer\", \"minimum\": \"1\"}}}"),
            "tools[0] x is left out: it has parameters that are not valid JSON Schema"),
        tool("a description that is a number", fn("\"name\": \"x\", \"description\": 7"), "desc"),
        funcConfig(
            "a duplicate name: the first sound one stays",
            "{\"tools\": [" + SOUND_FUNCTION + ", " + SOUND_FUNCTION + "]}",
            List.of("list_tasks"),
            "tools[1] list_tasks is left out: it repeats the name"),
        funcConfig(
            "a damaged tool does not take the name from a later sound one",
            "{\"tools\": ["
                + fn("\"name\": \"list_tasks\", \"description\": 1")
                + ", "
                + SOUND_FUNCTION
                + "]}",
            List.of("list_tasks"),
            "tools[0] list_tasks is left out"),
        funcConfig(
            "a tool without type is taken as a function (old items omit it)",
            "{\"tools\": [{\"function\": {\"name\": \"x\"}}]}",
            List.of("x"),
            null),
        funcConfig(
            "NULL description and parameters count as absent",
            "{\"tools\": ["
                + fn("\"name\": \"x\", \"description\": null, \"parameters\": null")
                + "]}",
            List.of("x"),
            null),
        funcConfig(
            "instructions that are not text",
            "{\"instructions\": {\"a\": 1}, \"tools\": [" + SOUND_FUNCTION + "]}",
            List.of("list_tasks"),
            "instructions is not text"),
        funcConfig(
            "fallback_message that is not text",
            "{\"fallback_message\": 42, \"tools\": [" + SOUND_FUNCTION + "]}",
            List.of("list_tasks"),
            "fallback_message is not text"));
  }

  @ParameterizedTest(name = "func-config: {0}")
  @MethodSource("funcConfigs")
  void aDamagedFuncConfigKeepsItsSoundTools(
      String damage, AttributeValue stored, List<String> offered, String problem) {
    for (AttributeValue form : forms(stored)) {
      FuncConfig config = FuncConfig.from(SettingsContent.read(Setting.FUNC_CONFIG, form));
      assertThat(config.tools()).extracting(ToolSpec::name).containsExactlyElementsOf(offered);
      assertProblem(config.problems(), problem);
    }
  }

  static Stream<Arguments> extToolConfigs() {
    return Stream.of(
        extWhole("content is text that is not JSON", AttributeValue.fromS("{broken"), null),
        extWhole("content is a number", AttributeValue.fromN("1"), "content is not an object"),
        extWhole("content is a list", list(), "content is not an object"),
        extWhole("content is NULL", AttributeValue.fromNul(true), "content is not an object"),
        extWhole("content is an empty map", AttributeValue.fromM(Map.of()), null),
        extWhole("ext_tools is a map", map("{\"ext_tools\": {\"a\": 1}}"), "not a list"),
        extWhole("ext_tools is text", map("{\"ext_tools\": \"weather\"}"), "not a list"),
        ext("an entry that is text", "\"weather2\"", "ext_tools[0] is left out: it is not an obj"),
        ext("no name", "{\"url\": \"https://e.com\"}", "has no name"),
        ext("an empty name", "{\"name\": \"\", \"url\": \"https://e.com\"}", "has no name"),
        ext("a name OpenAI refuses", "{\"name\": \"a/b\", \"url\": \"https://e.com\"}", "refuses"),
        ext(
            "the name of a built-in task tool",
            "{\"name\": \"create_task\", \"url\": \"https://e.com\"}",
            "ext_tools[0] create_task is left out: it repeats the name of a built-in"),
        ext("no url", "{\"name\": \"x\"}", "has no url"),
        ext("a url that is a number", "{\"name\": \"x\", \"url\": 5}", "url that is not text"),
        ext("a blank url", "{\"name\": \"x\", \"url\": \" \"}", "has no url"),
        ext("an unknown method", tool("\"method\": \"FETCH\""), "has a method other than"),
        ext("a method that is a number", tool("\"method\": 1"), "method that is not text"),
        ext("headers that are a list", tool("\"headers\": [\"X-Key\"]"), "headers that are not"),
        ext("a header value that is a number", tool("\"headers\": {\"X-Key\": 5}"), "header val"),
        ext("a header value that is a map", tool("\"headers\": {\"X-Key\": {}}"), "header value"),
        ext("a timeout stored as text", tool("\"timeout\": \"5\""), "timeout that is not a num"),
        ext("a negative timeout", tool("\"timeout\": -1"), "timeout outside 1 to 15"),
        ext("a zero timeout", tool("\"timeout\": 0"), "timeout outside 1 to 15"),
        ext("a huge timeout", tool("\"timeout\": 100000"), "timeout outside 1 to 15"),
        ext("parameters as text", tool("\"parameters\": \"{}\""), "not a JSON Schema object"),
        ext("parameters as a list", tool("\"parameters\": []"), "not a JSON Schema object"),
        ext(
            "parameters with a number stored as text",
            tool("\"parameters\": {\"type\": \"object\", \"minProperties\": \"1\"}"),
            "not valid JSON Schema"),
        ext("a description that is a number", tool("\"description\": 3"), "description"),
        extToolConfig(
            "a body that is a JSON template (the save route accepts it) is kept",
            tool("\"name\": \"order\", \"body\": {\"item\": \"{{item}}\"}, \"method\": \"post\""),
            List.of("order", "weather"),
            null),
        extToolConfig(
            "NULL optional fields count as absent",
            tool("\"name\": \"n\", \"method\": null, \"headers\": null, \"timeout\": null"),
            List.of("n", "weather"),
            null),
        extToolConfig(
            "a duplicate name: the first stays",
            "{\"ext_tools\": [" + SOUND_EXT_TOOL + ", " + SOUND_EXT_TOOL + "]}",
            List.of("weather"),
            "ext_tools[1] weather is left out: it repeats the name"));
  }

  @ParameterizedTest(name = "ext-tools: {0}")
  @MethodSource("extToolConfigs")
  void damagedExtToolsKeepTheSoundTools(
      String damage, AttributeValue stored, List<String> offered, String problem) {
    for (AttributeValue form : forms(stored)) {
      ExtToolsConfig config =
          ExtToolsConfig.from(SettingsContent.read(Setting.EXT_TOOLS, form), TAKEN);
      assertThat(config.tools()).extracting(ExtToolSpec::name).containsExactlyElementsOf(offered);
      assertProblem(config.problems(), problem);
    }
  }

  @Test
  void soundToolsKeepTheirSchemasExactlyAndExtToolsTheirStoredFields() {
    FuncConfig funcConfig =
        FuncConfig.from(ExactJson.parse("{\"tools\": [" + SOUND_FUNCTION + "]}"));
    assertThat(funcConfig.tools().get(0).parameters().toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":1}}}");
    assertThat(funcConfig.tools().get(0).description()).isEqualTo("List");
    ExtToolsConfig extTools =
        ExtToolsConfig.from(ExactJson.parse("{\"ext_tools\": [" + SOUND_EXT_TOOL + "]}"), Set.of());
    ExtTool call = extTools.tools().get(0).call();
    assertThat(call)
        .isEqualTo(
            new ExtTool(
                "weather",
                "GET",
                "https://example.com/w/{{city}}",
                Map.of("X-Key", "k"),
                null,
                Duration.ofSeconds(5),
                List.of()));
    assertThat(extTools.tools().get(0).function().description()).isNull();
    assertThat(extTools.problems()).isEmpty();
  }

  @Test
  void problemsNameNoTenantTextButASoundToolName() {
    FuncConfig config =
        FuncConfig.from(
            ExactJson.parse(
                "{\"instructions\": 5, \"tools\": ["
                    + fn("\"name\": \"予約する\", \"description\": \"秘密の説明\"")
                    + ", "
                    + fn(
                        "\"name\": \"book\", \"parameters\": {\"properties\": {\"secret_field\":"
                            + " {\"minimum\": \"1\"}}}")
                    + "]}"));
    assertThat(config.problems()).hasSize(3);
    assertThat(String.join(" ", config.problems()))
        .contains("book")
        .doesNotContain("予約する", "秘密", "secret_field", "minimum");
  }

  /** The problem expected among the problems, or none at all when null. */
  private static void assertProblem(List<String> problems, String expected) {
    if (expected == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).anySatisfy(p -> assertThat(p).contains(expected));
    }
  }

  /** The item as stored: a map, and also as JSON text when it is a map (old items hold both). */
  private static List<AttributeValue> forms(AttributeValue stored) {
    if (stored.m() == null || !stored.hasM()) {
      return List.of(stored);
    }
    String text = JsonAttributes.toJson(stored).toString();
    return List.of(stored, AttributeValue.fromS(text));
  }

  private static Arguments whole(String name, AttributeValue stored, String problem) {
    return Arguments.of(name, stored, List.of(), problem);
  }

  private static Arguments tool(String name, String damagedTool, String problem) {
    return funcConfig(
        name,
        "{\"tools\": [" + damagedTool + ", " + SOUND_FUNCTION + "]}",
        List.of("list_tasks"),
        problem);
  }

  private static Arguments funcConfig(
      String name, String json, List<String> offered, String problem) {
    return Arguments.of(name, map(json), offered, problem);
  }

  private static Arguments extWhole(String name, AttributeValue stored, String problem) {
    return Arguments.of(name, stored, List.of(), problem);
  }

  private static Arguments ext(String name, String damagedTool, String problem) {
    return extToolConfig(
        name,
        "{\"ext_tools\": [" + damagedTool + ", " + SOUND_EXT_TOOL + "]}",
        List.of("weather"),
        problem);
  }

  private static Arguments extToolConfig(
      String name, String json, List<String> offered, String problem) {
    if (!json.startsWith("{\"ext_tools\"")) {
      json = "{\"ext_tools\": [" + json + ", " + SOUND_EXT_TOOL + "]}";
    }
    return Arguments.of(name, map(json), offered, problem);
  }

  /** A func-config tool whose function has the given fields. */
  private static String fn(String fields) {
    return "{\"type\": \"function\", \"function\": {" + fields + "}}";
  }

  /** An ext-tool named x with a URL, plus the given fields (a later name wins). */
  private static String tool(String fields) {
    String base = "\"url\": \"https://example.com/x\", " + fields;
    return "{" + (fields.contains("\"name\"") ? base : "\"name\": \"x\", " + base) + "}";
  }

  private static AttributeValue map(String json) {
    return JsonAttributes.toAttribute(ExactJson.parse(json));
  }

  private static AttributeValue list() {
    return AttributeValue.fromL(List.of(AttributeValue.fromS("x")));
  }
}
