package jp.uketsuke.llm;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** An embeddings request: one vector per input, in input order; floats, not base64. */
public record EmbeddingRequest(
    @JsonbProperty("model") String model,
    @JsonbProperty("input") List<String> input,
    @JsonbProperty("encoding_format") String encodingFormat) {

  static EmbeddingRequest of(String model, List<String> input) {
    return new EmbeddingRequest(model, List.copyOf(input), "float");
  }
}
