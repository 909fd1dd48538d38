package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import jp.uketsuke.platform.ApiException;

/**
 * Header values of ext-tools hold API keys. They are shown masked, and a save that sends the mask
 * back means "keep what is stored", so the console can edit a tool without ever seeing its key.
 */
final class ExtToolSecrets {
  static final String MASK = "••••";

  private ExtToolSecrets() {}

  static JsonValue mask(JsonValue config) {
    return mapHeaders(config, (tool, header, value) -> JSON.createValue(MASK));
  }

  /** Puts the stored value back wherever {@code incoming} holds the mask. */
  static JsonValue unmask(JsonValue incoming, JsonValue stored) {
    Map<String, JsonObject> storedTools = toolsByName(stored);
    return mapHeaders(
        incoming,
        (tool, header, value) -> {
          if (!(value instanceof JsonString text) || !MASK.equals(text.getString())) {
            return value;
          }
          JsonObject old = storedTools.get(tool.getString("name", ""));
          JsonValue headers = old == null ? null : old.get("headers");
          if (headers instanceof JsonObject known && known.containsKey(header)) {
            return known.get(header);
          }
          throw ApiException.badRequest(
              "config.ext_tools: header "
                  + header
                  + " of "
                  + tool.getString("name", "a tool")
                  + " is masked, but no value is stored for it; send the value.");
        });
  }

  private interface HeaderMapper {
    JsonValue map(JsonObject tool, String header, JsonValue value);
  }

  /** Rebuilds the config with each header value mapped; anything of another shape is kept. */
  private static JsonValue mapHeaders(JsonValue config, HeaderMapper mapper) {
    if (!(config instanceof JsonObject object)
        || !(object.get("ext_tools") instanceof jakarta.json.JsonArray tools)) {
      return config;
    }
    JsonArrayBuilder mapped = JSON.createArrayBuilder();
    for (JsonValue value : tools) {
      if (value instanceof JsonObject tool && tool.get("headers") instanceof JsonObject headers) {
        JsonObjectBuilder newHeaders = JSON.createObjectBuilder();
        headers.forEach((name, header) -> newHeaders.add(name, mapper.map(tool, name, header)));
        mapped.add(JSON.createObjectBuilder(tool).add("headers", newHeaders));
      } else {
        mapped.add(value);
      }
    }
    return JSON.createObjectBuilder(object).add("ext_tools", mapped).build();
  }

  private static Map<String, JsonObject> toolsByName(JsonValue config) {
    Map<String, JsonObject> byName = new HashMap<>();
    if (config instanceof JsonObject object
        && object.get("ext_tools") instanceof jakarta.json.JsonArray tools) {
      for (JsonValue value : tools) {
        if (value instanceof JsonObject tool && tool.get("name") instanceof JsonString name) {
          byName.put(name.getString(), tool);
        }
      }
    }
    return byName;
  }
}
