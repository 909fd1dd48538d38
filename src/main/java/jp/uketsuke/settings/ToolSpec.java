package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A function the assistant may be offered, read from a func-config tool or an ext-tool and known to
 * be sound: a name OpenAI accepts, text or nothing as description, a JSON Schema as parameters.
 *
 * @param description null when the tool has none
 * @param parameters as stored (numbers keep their text), or an empty object schema when none
 */
public record ToolSpec(String name, String description, JsonObject parameters) {
  static final JsonObject NO_PARAMETERS =
      JSON.createObjectBuilder()
          .add("type", "object")
          .add("properties", JsonValue.EMPTY_JSON_OBJECT)
          .build();
}
