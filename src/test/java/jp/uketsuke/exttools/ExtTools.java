package jp.uketsuke.exttools;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ext-tools and arguments as the tests write them. */
public final class ExtTools {
  private ExtTools() {}

  /** A tool with the given method and URL whose parameters are the named strings. */
  static JsonObjectBuilder tool(String method, String url, String... parameters) {
    JsonObjectBuilder properties = Json.createObjectBuilder();
    for (String parameter : parameters) {
      properties.add(parameter, Json.createObjectBuilder().add("type", "string"));
    }
    return Json.createObjectBuilder()
        .add("name", "lookup")
        .add("description", "a test tool")
        .add("method", method)
        .add("url", url)
        .add("timeout", 10)
        .add(
            "parameters",
            Json.createObjectBuilder().add("type", "object").add("properties", properties));
  }

  /**
   * The tool as the caller gets it, read field by field without the checks settings apply when
   * reading a stored tool, so the caller's own defences (method, timeout cap) can be tested.
   */
  static ExtTool spec(JsonObject tool) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (tool.get("headers") instanceof JsonObject given) {
      given.forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
    }
    List<String> required = new ArrayList<>();
    if (tool.get("parameters") instanceof JsonObject schema
        && schema.get("required") instanceof JsonArray names) {
      names.forEach(name -> required.add(((JsonString) name).getString()));
    }
    return new ExtTool(
        tool.getString("name", "lookup"),
        tool.containsKey("method") ? tool.getString("method") : null,
        tool.getString("url"),
        headers,
        tool.get("body"),
        tool.get("timeout") instanceof JsonNumber seconds
            ? Duration.ofMillis(Math.round(seconds.doubleValue() * 1000))
            : null,
        required);
  }

  public static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  static JsonValue value(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }
}
