package jp.uketsuke.settings;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Set;
import jp.uketsuke.platform.ApiException;

/**
 * What a func-config must be: an object whose {@code tools} are OpenAI function tools with unique
 * names and JSON Schema parameters, and whose {@code instructions} is text. Other keys are kept as
 * the console sent them.
 */
final class FuncConfigRules {
  private FuncConfigRules() {}

  static JsonObject check(JsonValue config) {
    JsonObject object = ConfigChecks.object(config, "config");
    ConfigChecks.optionalString(object, "instructions", "config");
    if (object.containsKey("tools")) {
      JsonArray tools = ConfigChecks.array(object.get("tools"), "config.tools");
      Set<String> names = new HashSet<>();
      for (int i = 0; i < tools.size(); i++) {
        checkTool(tools.get(i), "config.tools[" + i + "]", names);
      }
    }
    return object;
  }

  private static void checkTool(JsonValue value, String path, Set<String> names) {
    JsonObject tool = ConfigChecks.object(value, path);
    JsonValue type = tool.get("type");
    if (type == null || !"function".equals(ConfigChecks.string(type, path + ".type"))) {
      throw ApiException.badRequest(path + ".type must be \"function\".");
    }
    String functionPath = path + ".function";
    if (!tool.containsKey("function")) {
      throw ApiException.badRequest(functionPath + " is required.");
    }
    JsonObject function = ConfigChecks.object(tool.get("function"), functionPath);
    ConfigChecks.uniqueName(function, functionPath, names);
    ConfigChecks.optionalString(function, "description", functionPath);
    if (function.containsKey("parameters")) {
      SchemaCheck.requireSchemaObject(function.get("parameters"), functionPath + ".parameters");
    }
  }
}
