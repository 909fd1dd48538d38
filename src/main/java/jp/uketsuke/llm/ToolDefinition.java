package jp.uketsuke.llm;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A function the model may call. The parameters' JSON Schema travels as JSON-P, so its numbers
 * reach the model exactly as the tenant stored them.
 */
public record ToolDefinition(
    @JsonbProperty("type") String type, @JsonbProperty("function") Function function) {

  public static ToolDefinition function(String name, String description, JsonObject parameters) {
    return new ToolDefinition("function", new Function(name, description, parameters));
  }

  public record Function(
      @JsonbProperty("name") String name,
      @JsonbProperty("description") String description,
      @JsonbProperty("parameters") JsonObject parameters) {}
}
