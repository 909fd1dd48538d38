package jp.uketsuke.llm;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** An embeddings response; fields this service does not use are ignored. */
public record EmbeddingResponse(
    @JsonbProperty("data") List<Datum> data, @JsonbProperty("usage") Usage usage) {

  /** One input's vector; {@code index} is the input's position in the request. */
  public record Datum(
      @JsonbProperty("index") Integer index, @JsonbProperty("embedding") float[] embedding) {}

  /** Token counts; a server that reports none leaves them null. */
  public record Usage(
      @JsonbProperty("prompt_tokens") Integer promptTokens,
      @JsonbProperty("total_tokens") Integer totalTokens) {}

  int tokens() {
    if (usage == null) {
      return 0;
    }
    Integer tokens = usage.totalTokens() != null ? usage.totalTokens() : usage.promptTokens();
    return tokens == null ? 0 : tokens;
  }
}
