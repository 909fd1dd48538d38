package jp.uketsuke.llm;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * One message of a conversation. Names are given explicitly so the wire stays snake_case whatever
 * naming strategy a JSON-B context sets.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text; absent on an assistant message that only calls tools
 * @param toolCalls the tools an assistant message asks for
 * @param toolCallId on a tool message: the call it answers
 */
public record ChatMessage(
    @JsonbProperty("role") String role,
    @JsonbProperty("content") String content,
    @JsonbProperty("tool_calls") List<ToolCall> toolCalls,
    @JsonbProperty("tool_call_id") String toolCallId) {

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content, null, null);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content, null, null);
  }

  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", content, null, null);
  }

  public static ChatMessage toolResult(String toolCallId, String content) {
    return new ChatMessage("tool", content, null, toolCallId);
  }

  public boolean callsTools() {
    return toolCalls != null && !toolCalls.isEmpty();
  }
}
