package jp.uketsuke.llm;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The configured model, reached through one Rest Client built at start-up. Rate limits and server
 * errors are retried with backoff; a model that keeps failing opens the circuit so turns answer
 * offline at once instead of waiting for it. Every value below can be changed through MP Config
 * ({@code jp.uketsuke.llm.LanguageModel/complete/Retry/maxRetries=...}).
 *
 * <p>A call never waits past the turn's deadline: each attempt (retries included) reads with the
 * configured timeout or, when the deadline is nearer, with what is left of it.
 */
@ApplicationScoped
public class LanguageModel {
  @Inject OpenAiConnection openAi;
  @Inject ModelSettings settings;

  private ChatCompletionsApi api;
  private final Map<Duration, ChatCompletionsApi> shorter = new ConcurrentHashMap<>();

  @PostConstruct
  void connect() {
    api = openAi.configured() ? client(settings.readTimeout()) : null;
  }

  /** False when OpenAI is not configured: the assistant then answers without a model. */
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
   * @param deadline the turn's deadline: no attempt waits past it
   * @throws ModelException when the server answers with an error (after retries where they help),
   *     or {@link ModelException.OutOfTime} when the deadline leaves no time for an attempt
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
      skipOn = {ModelException.Rejected.class, ModelException.OutOfTime.class})
  public ChatResponse complete(ChatRequest request, Instant deadline) {
    if (api == null) {
      throw new IllegalStateException("no model is configured");
    }
    Duration configured = settings.readTimeout();
    Duration readTimeout =
        CallBudget.readTimeout(configured, Duration.between(Instant.now(), deadline))
            .orElseThrow(() -> new ModelException.OutOfTime("the turn's deadline is reached"));
    if (readTimeout.equals(configured)) {
      return api.complete(request);
    }
    return shorter.computeIfAbsent(readTimeout, this::client).complete(request);
  }

  private ChatCompletionsApi client(Duration readTimeout) {
    return openAi.client(readTimeout).register(ModelErrors.class).build(ChatCompletionsApi.class);
  }
}
