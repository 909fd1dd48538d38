package jp.uketsuke.chat;

import java.util.List;

/**
 * How a turn was answered, as stored with it and metered.
 *
 * @param mode {@code llm}, {@code faq} or {@code fallback}
 * @param model the model that answered, or null
 * @param tools the names of the tools called, in order
 * @param error why the model could not answer, or null
 */
public record TurnOutcome(
    String reply,
    String mode,
    String model,
    int tokensIn,
    int tokensOut,
    List<String> tools,
    String error) {}
