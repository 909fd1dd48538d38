package jp.uketsuke.exttools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;

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

  public static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  static JsonValue value(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }
}
