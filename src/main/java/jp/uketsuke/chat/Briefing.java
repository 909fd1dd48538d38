package jp.uketsuke.chat;

import java.util.List;

/**
 * What the assistant knows for one turn: its instructions (system prompt, func-config instructions
 * and the relevant FAQ knowledge), the tools it is offered and how to answer without a model.
 */
public record Briefing(
    String instructions, ToolSet tools, List<FaqMatch> faqs, String fallbackMessage) {}
