package jp.uketsuke.llm;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A tool call the model asks for.
 *
 * @param type always {@code function}
 */
public record ToolCall(
    @JsonbProperty("id") String id,
    @JsonbProperty("type") String type,
    @JsonbProperty("function") Function function) {

  /**
   * @param arguments a JSON object as text, as the model wrote it (it may be malformed)
   */
  public record Function(
      @JsonbProperty("name") String name, @JsonbProperty("arguments") String arguments) {}
}
