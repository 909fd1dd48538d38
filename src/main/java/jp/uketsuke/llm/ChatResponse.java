package jp.uketsuke.llm;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** A Chat Completions response; fields this service does not use are ignored. */
public record ChatResponse(
    @JsonbProperty("id") String id,
    @JsonbProperty("model") String model,
    @JsonbProperty("choices") List<Choice> choices,
    @JsonbProperty("usage") Usage usage) {

  public record Choice(
      @JsonbProperty("index") Integer index,
      @JsonbProperty("message") ChatMessage message,
      @JsonbProperty("finish_reason") String finishReason) {}

  /** Token counts; a server that reports none leaves them null. */
  public record Usage(
      @JsonbProperty("prompt_tokens") Integer promptTokens,
      @JsonbProperty("completion_tokens") Integer completionTokens,
      @JsonbProperty("total_tokens") Integer totalTokens) {}

  /** The first choice's message, or null when the server sent none. */
  public ChatMessage message() {
    return choices == null || choices.isEmpty() ? null : choices.get(0).message();
  }

  public int promptTokens() {
    return usage == null || usage.promptTokens() == null ? 0 : usage.promptTokens();
  }

  public int completionTokens() {
    return usage == null || usage.completionTokens() == null ? 0 : usage.completionTokens();
  }
}
