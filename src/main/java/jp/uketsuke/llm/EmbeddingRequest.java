package jp.uketsuke.llm;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * An embeddings request: one vector per input, in input order; floats, not base64. {@code
 * dimensions} (text-embedding-3 and later) shortens the vectors; null leaves it out.
 */
public record EmbeddingRequest(
    @JsonbProperty("model") String model,
    @JsonbProperty("input") List<String> input,
    @JsonbProperty("encoding_format") String encodingFormat,
    @JsonbProperty("dimensions") Integer dimensions) {

  static EmbeddingRequest of(String model, List<String> input, Integer dimensions) {
    return new EmbeddingRequest(model, List.copyOf(input), "float", dimensions);
  }
}
