package jp.uketsuke.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the model is and how to ask it, from MicroProfile Config. Without a base URL no model is
 * configured and the assistant answers from FAQ or with the fallback message.
 */
@ApplicationScoped
public class ModelSettings {
  @Inject
  @ConfigProperty(name = "uketsuke.openai.base-url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.api-key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.organization")
  Optional<String> organization;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.project")
  Optional<String> project;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.model", defaultValue = "gpt-4o-mini")
  String model;

  /** Absent: not sent, the server's default applies (some reasoning models refuse any value). */
  @Inject
  @ConfigProperty(name = "uketsuke.openai.temperature")
  Optional<Double> temperature;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.max-tokens", defaultValue = "512")
  int maxTokens;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.connect-timeout", defaultValue = "PT3S")
  Duration connectTimeout;

  /** Below the Fault Tolerance timeout of one call: that timeout does not cut a blocking read. */
  @Inject
  @ConfigProperty(name = "uketsuke.openai.read-timeout", defaultValue = "PT12S")
  Duration readTimeout;

  public Optional<String> baseUrl() {
    return baseUrl.map(String::strip).filter(url -> !url.isEmpty());
  }

  public String model() {
    return model;
  }

  public Double temperature() {
    return temperature.orElse(null);
  }

  public int maxTokens() {
    return maxTokens;
  }

  Duration connectTimeout() {
    return connectTimeout;
  }

  Duration readTimeout() {
    return readTimeout;
  }

  ModelHeaders headers() {
    return new ModelHeaders(
        apiKey.filter(k -> !k.isBlank()),
        organization.filter(o -> !o.isBlank()),
        project.filter(p -> !p.isBlank()));
  }
}
