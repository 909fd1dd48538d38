package jp.uketsuke.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Where OpenAI (or an OpenAI-compatible server) is and how to connect to it, shared by chat and
 * transcription; each user keeps its own model settings. OpenAI is configured when an API key or a
 * base URL is set: a key alone means {@value #DEFAULT_BASE_URL}, a base URL alone means a server
 * that needs no key (vLLM, Ollama). With neither, chat answers from FAQ or with the fallback
 * message and transcription answers 503. Blank values count as unset (an empty Kubernetes secret).
 * The key is read once, at start.
 */
@ApplicationScoped
public class OpenAiConnection {
  static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final Optional<String> baseUrl;
  private final Optional<String> apiKey;
  private final Optional<String> organization;
  private final Optional<String> project;
  private final Duration connectTimeout;

  @Inject
  public OpenAiConnection(
      @ConfigProperty(name = "uketsuke.openai.base-url") Optional<String> baseUrl,
      @ConfigProperty(name = "uketsuke.openai.api-key") Optional<String> apiKey,
      @ConfigProperty(name = "uketsuke.openai.organization") Optional<String> organization,
      @ConfigProperty(name = "uketsuke.openai.project") Optional<String> project,
      @ConfigProperty(name = "uketsuke.openai.connect-timeout", defaultValue = "PT3S")
          Duration connectTimeout) {
    this.baseUrl = present(baseUrl);
    this.apiKey = present(apiKey);
    this.organization = present(organization);
    this.project = present(project);
    this.connectTimeout = connectTimeout;
  }

  /** For CDI's client proxy only. */
  protected OpenAiConnection() {
    this(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO);
  }

  public boolean configured() {
    return apiKey.isPresent() || baseUrl.isPresent();
  }

  public URI baseUrl() {
    return URI.create(baseUrl.orElse(DEFAULT_BASE_URL));
  }

  /**
   * A client builder towards the API base, with the connect timeout and the credentials on every
   * request; the caller adds its own read timeout and providers.
   */
  public RestClientBuilder client(Duration readTimeout) {
    return RestClientBuilder.newBuilder()
        .baseUri(baseUrl())
        .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .register(new ModelHeaders(apiKey, organization, project));
  }

  private static Optional<String> present(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
