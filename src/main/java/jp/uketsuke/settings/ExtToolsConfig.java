package jp.uketsuke.settings;

import static jp.uketsuke.settings.ToolFields.absent;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.uketsuke.exttools.ExtTool;

/**
 * The ext-tools as the chat engine uses them, read from whatever the {@code ext-tools} item holds.
 * A tool is offered only when every field is of a kind the save route would accept; a damaged tool
 * is left out and named in {@code problems}. Whether its URL may be reached is decided when it
 * runs, as for any tool.
 *
 * @param tools the sound ext-tools, names unique, in stored order
 * @param problems what was left out and why (tool positions and names only, safe to log)
 */
public record ExtToolsConfig(List<ExtToolSpec> tools, List<String> problems) {
  private static final BigDecimal MIN_TIMEOUT = BigDecimal.ONE;
  private static final BigDecimal MAX_TIMEOUT = BigDecimal.valueOf(15);

  /**
   * @param taken names an ext-tool may not have: the built-in tools and the func-config tools
   */
  public static ExtToolsConfig from(JsonValue content, Set<String> taken) {
    List<String> problems = new ArrayList<>();
    JsonValue list = content instanceof JsonObject config ? config.get("ext_tools") : null;
    if (!(content instanceof JsonObject)) {
      problems.add("the content is not an object: no ext-tools are offered");
    } else if (!absent(list) && !(list instanceof JsonArray)) {
      problems.add("ext_tools is not a list: no ext-tools are offered");
    }
    if (!(list instanceof JsonArray array)) {
      return new ExtToolsConfig(List.of(), List.copyOf(problems));
    }
    List<ExtToolSpec> tools = new ArrayList<>();
    Set<String> names = new HashSet<>(taken);
    for (int i = 0; i < array.size(); i++) {
      String label = ToolFields.label("ext_tools", i, null);
      try {
        JsonObject tool = ToolFields.object(array.get(i), "is not an object");
        String name = ToolFields.name(tool.get("name"));
        label = ToolFields.label("ext_tools", i, name);
        ExtToolSpec spec = spec(name, tool);
        if (!names.add(name)) {
          throw new ToolDamage("repeats the name of a built-in, func-config or earlier ext-tool");
        }
        tools.add(spec);
      } catch (ToolDamage damage) {
        ToolFields.leftOut(problems, label, damage);
      }
    }
    return new ExtToolsConfig(List.copyOf(tools), List.copyOf(problems));
  }

  private static ExtToolSpec spec(String name, JsonObject tool) throws ToolDamage {
    ToolSpec function =
        new ToolSpec(name, ToolFields.description(tool), ToolFields.parameters(tool));
    String url = ToolFields.optionalText(tool, "url", "has a url that is not text");
    if (url == null || url.isBlank()) {
      throw new ToolDamage("has no url");
    }
    String method = ToolFields.optionalText(tool, "method", "has a method that is not text");
    if (method != null && !ExtToolsRules.METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      throw new ToolDamage("has a method other than GET, POST, PUT, PATCH, DELETE");
    }
    JsonValue body = tool.get("body");
    ExtTool call =
        new ExtTool(
            name,
            method,
            url,
            headers(tool.get("headers")),
            absent(body) ? null : body,
            timeout(tool),
            required(function.parameters()));
    return new ExtToolSpec(function, call);
  }

  private static Map<String, String> headers(JsonValue value) throws ToolDamage {
    if (absent(value)) {
      return Map.of();
    }
    JsonObject headers = ToolFields.object(value, "has headers that are not a map");
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> header : headers.entrySet()) {
      if (!(header.getValue() instanceof JsonString text)) {
        throw new ToolDamage("has a header value that is not text");
      }
      texts.put(header.getKey(), text.getString());
    }
    return Collections.unmodifiableMap(texts);
  }

  private static Duration timeout(JsonObject tool) throws ToolDamage {
    JsonNumber timeout =
        ToolFields.optionalNumber(tool, "timeout", "has a timeout that is not a number");
    if (timeout == null) {
      return null;
    }
    BigDecimal seconds = timeout.bigDecimalValue();
    if (seconds.compareTo(MIN_TIMEOUT) < 0 || seconds.compareTo(MAX_TIMEOUT) > 0) {
      throw new ToolDamage("has a timeout outside 1 to 15 seconds");
    }
    return Duration.ofMillis(
        seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue());
  }

  /** The argument names the schema requires (a schema is checked sound, so these are text). */
  private static List<String> required(JsonObject schema) {
    if (!(schema.get("required") instanceof JsonArray required)) {
      return List.of();
    }
    return required.stream()
        .filter(JsonString.class::isInstance)
        .map(name -> ((JsonString) name).getString())
        .toList();
  }
}
