package jp.uketsuke.chat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import jp.uketsuke.llm.ToolDefinition;

/**
 * What the assistant knows for one turn: its instructions (system prompt, func-config instructions
 * and the relevant FAQ knowledge), the tools it is offered and how to answer without a model.
 *
 * @param extTools the tenant's ext-tool definitions by name, for running them
 */
public record Briefing(
    String instructions,
    List<ToolDefinition> tools,
    Map<String, JsonObject> extTools,
    List<FaqMatch> faqs,
    String fallbackMessage) {}
