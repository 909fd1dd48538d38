package jp.uketsuke.settings;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.regex.Pattern;
import jp.uketsuke.platform.ApiException;

/** Shape checks shared by the config validators; each failure names the offending path. */
final class ConfigChecks {
  /** What OpenAI accepts as a function name, and so what a tool may be called. */
  static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private ConfigChecks() {}

  static JsonObject object(JsonValue value, String path) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest(path + " must be an object.");
  }

  static JsonArray array(JsonValue value, String path) {
    if (value instanceof JsonArray array) {
      return array;
    }
    throw ApiException.badRequest(path + " must be an array.");
  }

  static String string(JsonValue value, String path) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw ApiException.badRequest(path + " must be a string.");
  }

  static void optionalString(JsonObject object, String field, String path) {
    if (object.containsKey(field)) {
      string(object.get(field), path + "." + field);
    }
  }

  /** A tool name of the OpenAI form, not used before in the same list. */
  static String uniqueName(JsonObject tool, String path, Set<String> seen) {
    String field = path + ".name";
    if (!tool.containsKey("name")) {
      throw ApiException.badRequest(field + " is required.");
    }
    String name = string(tool.get("name"), field);
    if (!TOOL_NAME.matcher(name).matches()) {
      throw ApiException.badRequest(
          field + " must be 1 to 64 letters, digits, underscores or hyphens.");
    }
    if (!seen.add(name)) {
      throw ApiException.badRequest(field + " repeats the name \"" + name + "\".");
    }
    return name;
  }
}
