package jp.uketsuke.llm;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The configured model, reached through one Rest Client built at start-up. Rate limits and server
 * errors are retried with backoff; a model that keeps failing opens the circuit so turns answer
 * offline at once instead of waiting for it. Every value below can be changed through MP Config
 * ({@code jp.uketsuke.llm.LanguageModel/complete/Retry/maxRetries=...}).
 */
@ApplicationScoped
public class LanguageModel {
  @Inject ModelSettings settings;

  private ChatCompletionsApi api;

  @PostConstruct
  void connect() {
    api = settings.baseUrl().map(this::client).orElse(null);
  }

  /** False when no base URL is configured: the assistant then answers without a model. */
  public boolean configured() {
    return api != null;
  }

  public String model() {
    return settings.model();
  }

  /** A request for the configured model, temperature and token limit. */
  public ChatRequest request(
      List<ChatMessage> messages, List<ToolDefinition> tools, boolean mayCallTools) {
    boolean offerTools = tools != null && !tools.isEmpty();
    return new ChatRequest(
        settings.model(),
        messages,
        offerTools ? tools : null,
        offerTools && !mayCallTools ? "none" : null,
        settings.temperature(),
        settings.maxTokens());
  }

  /**
   * @throws ModelException when the server answers with an error (after retries where they help)
   * @throws IllegalStateException when no model is configured
   */
  @Timeout(value = 15, unit = ChronoUnit.SECONDS)
  @Retry(
      retryOn = {ModelException.RateLimited.class, ModelException.Unavailable.class},
      maxRetries = 2,
      delay = 500,
      jitter = 200,
      maxDuration = 20,
      durationUnit = ChronoUnit.SECONDS)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.6,
      delay = 30,
      delayUnit = ChronoUnit.SECONDS,
      skipOn = ModelException.Rejected.class)
  public ChatResponse complete(ChatRequest request) {
    if (api == null) {
      throw new IllegalStateException("no model is configured");
    }
    return api.complete(request);
  }

  private ChatCompletionsApi client(String baseUrl) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(baseUrl))
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .register(ModelErrors.class)
        .register(settings.headers())
        .build(ChatCompletionsApi.class);
  }
}
