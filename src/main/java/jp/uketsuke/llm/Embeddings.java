package jp.uketsuke.llm;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The OpenAI-compatible {@code /embeddings} endpoint, on the chat model's connection ({@link
 * OpenAiConnection}). It is used only when {@code uketsuke.openai.embeddings} is on and OpenAI is
 * configured: vectors cost money and their quality cannot be measured without the real model, so an
 * operator turns them on knowingly.
 *
 * <p>Two clients: documents (FAQ entries, in the background, batched, retried) wait up to {@code
 * embedding-read-timeout}; a caller's question waits only {@code embedding-query-timeout}, is not
 * retried, and a failing endpoint opens the circuit so turns stop asking it for a while. Every
 * value of the annotations can be changed through MP Config.
 */
@ApplicationScoped
public class Embeddings {
  /** Vectors in input order, and the tokens the server counted for them. */
  public record Vectors(List<float[]> vectors, int tokens) {}

  @Inject OpenAiConnection openAi;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.embeddings", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.embedding-model", defaultValue = "text-embedding-3-small")
  String model;

  /** Absent: the model's own length (1536 for text-embedding-3-small). */
  @Inject
  @ConfigProperty(name = "uketsuke.openai.embedding-dimensions")
  Optional<Integer> dimensions;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.embedding-read-timeout", defaultValue = "PT10S")
  Duration documentTimeout;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.embedding-query-timeout", defaultValue = "PT1S")
  Duration queryTimeout;

  private EmbeddingsApi documents;
  private EmbeddingsApi queries;

  @PostConstruct
  void connect() {
    if (enabled && openAi.configured() && !model.isBlank()) {
      documents = client(documentTimeout);
      queries = client(queryTimeout);
    }
  }

  /** False: no vectors are computed and retrieval is lexical only. */
  public boolean configured() {
    return documents != null;
  }

  /**
   * The model whose vectors are stored, with the dimensions asked for; a vector of another is
   * stale.
   */
  public String model() {
    return dimensions.map(d -> model + "@" + d).orElse(model);
  }

  /**
   * Vectors of FAQ entries, one request for all of {@code texts} (the caller bounds the batch).
   *
   * @throws ModelException when the server fails or answers something that does not fit
   */
  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  @Retry(
      retryOn = {ModelException.RateLimited.class, ModelException.Unavailable.class},
      maxRetries = 2,
      delay = 1000,
      jitter = 200,
      maxDuration = 60,
      durationUnit = ChronoUnit.SECONDS)
  public Vectors documents(List<String> texts) {
    return call(documents, texts);
  }

  /**
   * The vector of a caller's question (the only one of the answer): one short call, no retry.
   *
   * @throws ModelException when the server fails, or the circuit's exception while it is open
   */
  @Timeout(value = 2, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.5,
      delay = 30,
      delayUnit = ChronoUnit.SECONDS,
      skipOn = ModelException.Rejected.class)
  public Vectors query(String text) {
    return call(queries, List.of(text));
  }

  /**
   * Vectors of many callers' questions at once, for work that ranks them in bulk ({@code
   * /faqs/gaps}): one request for all of {@code texts} (the caller bounds the batch), on the
   * documents' connection and timeout, not retried, so a failing endpoint costs one wait.
   *
   * @throws ModelException when the server fails or answers something that does not fit
   */
  @Timeout(value = 15, unit = ChronoUnit.SECONDS)
  public Vectors questions(List<String> texts) {
    return call(documents, texts);
  }

  private Vectors call(EmbeddingsApi api, List<String> texts) {
    if (api == null) {
      throw new IllegalStateException("embeddings are not configured");
    }
    return checked(
        api.embed(EmbeddingRequest.of(model, texts, dimensions.orElse(null))), texts.size());
  }

  /** The vectors in input order, or an error when the answer does not fit the request. */
  static Vectors checked(EmbeddingResponse response, int inputs) {
    float[][] ordered = new float[inputs][];
    if (response != null && response.data() != null) {
      for (EmbeddingResponse.Datum datum : response.data()) {
        int index = datum.index() == null ? -1 : datum.index();
        if (index >= 0 && index < inputs && datum.embedding() != null) {
          ordered[index] = datum.embedding();
        }
      }
    }
    int dimensions = ordered.length == 0 || ordered[0] == null ? 0 : ordered[0].length;
    for (float[] vector : ordered) {
      if (vector == null || vector.length == 0 || vector.length != dimensions) {
        throw new ModelException.Unavailable(502, "embeddings answer does not fit the request");
      }
    }
    return new Vectors(List.of(ordered), response.tokens());
  }

  private EmbeddingsApi client(Duration readTimeout) {
    return openAi.client(readTimeout).register(ModelErrors.class).build(EmbeddingsApi.class);
  }
}
