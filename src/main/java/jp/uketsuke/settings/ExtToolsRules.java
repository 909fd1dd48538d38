package jp.uketsuke.settings;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.uketsuke.exttools.ExtToolUrls;
import jp.uketsuke.platform.ApiException;

/**
 * What an ext-tools config must be: {@code {ext_tools: [...]}}, each tool with a unique name, an
 * HTTP method, a URL that {@link ExtToolUrls} allows, string headers, a timeout of 1–15 seconds, a
 * JSON Schema for its parameters, and only placeholders that name those parameters.
 */
final class ExtToolsRules {
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final BigDecimal MIN_TIMEOUT = BigDecimal.ONE;
  private static final BigDecimal MAX_TIMEOUT = BigDecimal.valueOf(15);

  private ExtToolsRules() {}

  static JsonObject check(JsonValue config, ExtToolUrls addressRule) {
    JsonObject object = ConfigChecks.object(config, "config");
    if (!object.containsKey("ext_tools")) {
      throw ApiException.badRequest("config.ext_tools is required.");
    }
    JsonArray tools = ConfigChecks.array(object.get("ext_tools"), "config.ext_tools");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tools.size(); i++) {
      checkTool(tools.get(i), "config.ext_tools[" + i + "]", names, addressRule);
    }
    return object;
  }

  private static void checkTool(
      JsonValue value, String path, Set<String> names, ExtToolUrls addressRule) {
    JsonObject tool = ConfigChecks.object(value, path);
    ConfigChecks.uniqueName(tool, path, names);
    ConfigChecks.optionalString(tool, "description", path);
    if (tool.containsKey("method")
        && !METHODS.contains(ConfigChecks.string(tool.get("method"), path + ".method"))) {
      throw ApiException.badRequest(path + ".method must be one of GET, POST, PUT, PATCH, DELETE.");
    }
    if (!tool.containsKey("url")) {
      throw ApiException.badRequest(path + ".url is required.");
    }
    String url = ConfigChecks.string(tool.get("url"), path + ".url");
    try {
      addressRule.checkTemplate(url);
    } catch (ExtToolUrls.Refused e) {
      throw ApiException.badRequest(path + ".url " + e.getMessage() + ".");
    }
    checkTimeout(tool, path);
    Set<String> declared = declaredParameters(tool, path);
    checkPlaceholders(tool.get("url"), path + ".url", declared);
    if (tool.containsKey("headers")) {
      JsonObject headers = ConfigChecks.object(tool.get("headers"), path + ".headers");
      headers.forEach(
          (name, header) -> {
            String headerPath = path + ".headers." + name;
            ConfigChecks.string(header, headerPath);
            checkPlaceholders(header, headerPath, declared);
          });
    }
    if (tool.containsKey("body")) {
      checkPlaceholders(tool.get("body"), path + ".body", declared);
    }
  }

  private static void checkTimeout(JsonObject tool, String path) {
    if (!tool.containsKey("timeout")) {
      return;
    }
    if (!(tool.get("timeout") instanceof JsonNumber timeout)
        || timeout.bigDecimalValue().compareTo(MIN_TIMEOUT) < 0
        || timeout.bigDecimalValue().compareTo(MAX_TIMEOUT) > 0) {
      throw ApiException.badRequest(path + ".timeout must be a number of seconds from 1 to 15.");
    }
  }

  private static Set<String> declaredParameters(JsonObject tool, String path) {
    if (!tool.containsKey("parameters")) {
      return Set.of();
    }
    JsonValue schema = tool.get("parameters");
    SchemaCheck.requireSchemaObject(schema, path + ".parameters");
    JsonValue properties = schema.asJsonObject().get("properties");
    return properties instanceof JsonObject object ? object.keySet() : Set.of();
  }

  /** Walks strings anywhere inside the value (a body may be a JSON template). */
  private static void checkPlaceholders(JsonValue value, String path, Set<String> declared) {
    if (value instanceof JsonString text) {
      Matcher matcher = PLACEHOLDER.matcher(text.getString());
      while (matcher.find()) {
        if (!declared.contains(matcher.group(1))) {
          throw ApiException.badRequest(
              path
                  + " uses {{"
                  + matcher.group(1)
                  + "}}, which is not a declared parameter (parameters.properties).");
        }
      }
    } else if (value instanceof JsonObject object) {
      object.forEach((key, inner) -> checkPlaceholders(inner, path + "." + key, declared));
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        checkPlaceholders(array.get(i), path + "[" + i + "]", declared);
      }
    }
  }
}
