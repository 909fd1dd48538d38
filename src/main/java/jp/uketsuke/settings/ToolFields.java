package jp.uketsuke.settings;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Tolerant reading of the fields func-config functions and ext-tools share. A stored item may hold
 * anything (old backend, hand edits): each reader either returns a sound value or says what is
 * wrong. A JSON {@code null} counts as absent, as old writers store unset fields that way.
 */
final class ToolFields {
  private ToolFields() {}

  static boolean absent(JsonValue value) {
    return value == null || value == JsonValue.NULL;
  }

  static JsonObject object(JsonValue value, String damage) throws ToolDamage {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new ToolDamage(damage);
  }

  /** A name of the form OpenAI accepts ({@code ^[a-zA-Z0-9_-]{1,64}$}). */
  static String name(JsonValue value) throws ToolDamage {
    if (absent(value) || value instanceof JsonString text && text.getString().isEmpty()) {
      throw new ToolDamage("has no name");
    }
    if (!(value instanceof JsonString text)) {
      throw new ToolDamage("has a name that is not text");
    }
    if (!ConfigChecks.TOOL_NAME.matcher(text.getString()).matches()) {
      throw new ToolDamage("has a name OpenAI refuses (1 to 64 letters, digits, _ or -)");
    }
    return text.getString();
  }

  /** The description, or null when there is none (absent or blank). */
  static String description(JsonObject fields) throws ToolDamage {
    JsonValue value = fields.get("description");
    if (absent(value)) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw new ToolDamage("has a description that is not text");
    }
    return text.getString().isBlank() ? null : text.getString();
  }

  /** The parameters as stored when they are a JSON Schema; none (absent or {@code {}}) is fine. */
  static JsonObject parameters(JsonObject fields) throws ToolDamage {
    JsonValue value = fields.get("parameters");
    if (absent(value)) {
      return ToolSpec.NO_PARAMETERS;
    }
    if (!(value instanceof JsonObject schema)) {
      throw new ToolDamage("has parameters that are not a JSON Schema object");
    }
    if (schema.isEmpty()) {
      return ToolSpec.NO_PARAMETERS;
    }
    if (!SchemaCheck.isSchema(schema)) {
      throw new ToolDamage("has parameters that are not valid JSON Schema");
    }
    return schema;
  }

  /** Optional text: null when absent, else the text; anything else is damage. */
  static String optionalText(JsonObject fields, String field, String damage) throws ToolDamage {
    JsonValue value = fields.get(field);
    if (absent(value)) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw new ToolDamage(damage);
  }

  static JsonNumber optionalNumber(JsonObject fields, String field, String damage)
      throws ToolDamage {
    JsonValue value = fields.get(field);
    if (absent(value)) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return number;
    }
    throw new ToolDamage(damage);
  }

  /** "tools[3]", or "tools[3] list_tasks" once the name is known to be sound. */
  static String label(String list, int index, String name) {
    return list + "[" + index + "]" + (name == null ? "" : " " + name);
  }

  static void leftOut(List<String> problems, String label, ToolDamage damage) {
    problems.add(label + " is left out: it " + damage.getMessage());
  }
}
