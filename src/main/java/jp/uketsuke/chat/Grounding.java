package jp.uketsuke.chat;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.llm.ToolDefinition;
import jp.uketsuke.settings.AssistantSettings;
import jp.uketsuke.settings.SettingsSnapshot;
import jp.uketsuke.tenant.TenantContext;

/** Puts together a turn's {@link Briefing} from the tenant's settings and FAQ. */
@ApplicationScoped
public class Grounding {
  private static final JsonObject NO_PARAMETERS =
      JSON.createObjectBuilder()
          .add("type", "object")
          .add("properties", JsonValue.EMPTY_JSON_OBJECT)
          .build();

  @Inject AssistantSettings settings;
  @Inject FaqKnowledge faqKnowledge;
  @Inject ChatSettings chat;
  @Inject TenantContext tenant;

  /**
   * The briefing for a turn whose caller said {@code text}: settings and the FAQ version come from
   * one store call, and the FAQ index is read from memory unless that version moved.
   */
  public Briefing forText(String text) {
    SettingsSnapshot snapshot = settings.snapshot();
    return briefing(
        snapshot,
        faqKnowledge.relevant(tenant.tenantId(), text, chat.faqTopK(), snapshot.faqVersion()));
  }

  /**
   * The briefing a voice session starts with, before the caller said anything: with no words to
   * rank by, the FAQ knowledge is the tenant's {@code k} most used entries.
   */
  public Briefing forSessionStart() {
    SettingsSnapshot snapshot = settings.snapshot();
    return briefing(
        snapshot, faqKnowledge.mostUsed(tenant.tenantId(), chat.faqTopK(), snapshot.faqVersion()));
  }

  private Briefing briefing(SettingsSnapshot snapshot, List<FaqMatch> faqs) {
    JsonObject funcConfig = snapshot.funcConfig().asJsonObject();
    return new Briefing(
        instructions(snapshot.prompt(), funcConfig, faqs),
        tools(funcConfig, snapshot.extTools()),
        faqs,
        fallbackMessage(funcConfig));
  }

  /** The tenant's tools alone, for running one the voice server's model asked for. */
  public ToolSet tools() {
    SettingsSnapshot snapshot = settings.snapshot();
    return tools(snapshot.funcConfig().asJsonObject(), snapshot.extTools());
  }

  private static ToolSet tools(JsonObject funcConfig, JsonValue extToolsConfig) {
    Map<String, JsonObject> extTools = extTools(extToolsConfig);
    List<ToolDefinition> tools = new ArrayList<>(funcTools(funcConfig));
    extTools.values().forEach(tool -> tools.add(definition(tool)));
    return new ToolSet(List.copyOf(tools), extTools);
  }

  private static String instructions(JsonValue prompt, JsonObject funcConfig, List<FaqMatch> faqs) {
    StringBuilder text = new StringBuilder(string(prompt));
    appendSection(text, null, string(funcConfig.get("instructions")));
    appendSection(text, "## FAQ", FaqKnowledge.knowledge(faqs));
    return text.toString().strip();
  }

  private static void appendSection(StringBuilder text, String heading, String body) {
    if (body.isBlank()) {
      return;
    }
    text.append("\n\n");
    if (heading != null) {
      text.append(heading).append("\n");
    }
    text.append(body.strip());
  }

  private static List<ToolDefinition> funcTools(JsonObject funcConfig) {
    List<ToolDefinition> tools = new ArrayList<>();
    JsonValue list = funcConfig.get("tools");
    if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue tool : list.asJsonArray()) {
        JsonObject function = tool.asJsonObject().getJsonObject("function");
        tools.add(definition(function));
      }
    }
    return tools;
  }

  /** A func-config function or an ext-tool: both carry name, description and parameters. */
  private static ToolDefinition definition(JsonObject function) {
    JsonValue parameters = function.get("parameters");
    String description = string(function.get("description"));
    return ToolDefinition.function(
        function.getString("name"),
        description.isBlank() ? null : description,
        parameters instanceof JsonObject schema ? schema : NO_PARAMETERS);
  }

  private static Map<String, JsonObject> extTools(JsonValue config) {
    Map<String, JsonObject> tools = new LinkedHashMap<>();
    JsonValue list = config.asJsonObject().get("ext_tools");
    if (list != null && list.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue tool : list.asJsonArray()) {
        tools.put(tool.asJsonObject().getString("name"), tool.asJsonObject());
      }
    }
    return tools;
  }

  private String fallbackMessage(JsonObject funcConfig) {
    String own = string(funcConfig.get("fallback_message"));
    return own.isBlank() ? chat.fallbackMessage() : own;
  }

  private static String string(JsonValue value) {
    return value instanceof JsonString text ? text.getString() : "";
  }
}
