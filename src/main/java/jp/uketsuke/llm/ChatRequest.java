package jp.uketsuke.llm;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A Chat Completions request. Null fields are left out of the JSON, so a server that does not know
 * one (e.g. {@code tool_choice} without tools) never sees it.
 *
 * @param toolChoice {@code none} forces a text answer; null lets the model choose
 */
public record ChatRequest(
    @JsonbProperty("model") String model,
    @JsonbProperty("messages") List<ChatMessage> messages,
    @JsonbProperty("tools") List<ToolDefinition> tools,
    @JsonbProperty("tool_choice") String toolChoice,
    @JsonbProperty("temperature") Double temperature,
    @JsonbProperty("max_tokens") Integer maxTokens) {}
