package jp.uketsuke.settings;

import static jp.uketsuke.settings.ToolFields.absent;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A func-config as the chat engine uses it, read from whatever the {@code functions} item holds.
 * Items written past the API (old backend, hand edits) may be damaged anywhere: a damaged tool is
 * left out, a damaged field counts as unset, and each is named in {@code problems}.
 *
 * @param instructions text added to the system prompt, or empty
 * @param fallbackMessage the tenant's own apology, or null for the configured one
 * @param tools the sound function tools, names unique, in stored order
 * @param problems what was left out and why (tool positions and names only, safe to log)
 */
public record FuncConfig(
    String instructions, String fallbackMessage, List<ToolSpec> tools, List<String> problems) {

  public static FuncConfig from(JsonValue content) {
    List<String> problems = new ArrayList<>();
    if (!(content instanceof JsonObject config)) {
      problems.add("the content is not an object: no tools or instructions are used");
      return new FuncConfig("", null, List.of(), List.copyOf(problems));
    }
    String instructions = text(config, "instructions", problems);
    String fallback = text(config, "fallback_message", problems);
    List<ToolSpec> tools = tools(config.get("tools"), problems);
    return new FuncConfig(
        instructions == null ? "" : instructions,
        fallback == null || fallback.isBlank() ? null : fallback,
        tools,
        List.copyOf(problems));
  }

  private static String text(JsonObject config, String field, List<String> problems) {
    JsonValue value = config.get(field);
    if (absent(value)) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    problems.add(field + " is not text: it is not used");
    return null;
  }

  private static List<ToolSpec> tools(JsonValue value, List<String> problems) {
    if (absent(value)) {
      return List.of();
    }
    if (!(value instanceof JsonArray list)) {
      problems.add("tools is not a list: no tools are offered");
      return List.of();
    }
    List<ToolSpec> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String label = ToolFields.label("tools", i, null);
      try {
        JsonObject function = function(list.get(i));
        String name = ToolFields.name(function.get("name"));
        label = ToolFields.label("tools", i, name);
        ToolSpec tool =
            new ToolSpec(name, ToolFields.description(function), ToolFields.parameters(function));
        if (!names.add(name)) {
          throw new ToolDamage("repeats the name of a tool before it");
        }
        tools.add(tool);
      } catch (ToolDamage damage) {
        ToolFields.leftOut(problems, label, damage);
      }
    }
    return List.copyOf(tools);
  }

  /** The {@code function} of an OpenAI tool {@code {type: "function", function: {...}}}. */
  private static JsonObject function(JsonValue value) throws ToolDamage {
    JsonObject tool = ToolFields.object(value, "is not an object");
    JsonValue type = tool.get("type");
    if (!absent(type)
        && !(type instanceof JsonString text && "function".equals(text.getString()))) {
      throw new ToolDamage("is not of type \"function\"");
    }
    if (absent(tool.get("function"))) {
      throw new ToolDamage("has no function");
    }
    return ToolFields.object(tool.get("function"), "has a function that is not an object");
  }
}
