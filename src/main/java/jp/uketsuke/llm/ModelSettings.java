package jp.uketsuke.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How to ask the chat model, from MicroProfile Config. Where it is and whether it is configured at
 * all is {@link OpenAiConnection}'s, shared with transcription.
 */
@ApplicationScoped
public class ModelSettings {
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

  /** Below the Fault Tolerance timeout of one call: that timeout does not cut a blocking read. */
  @Inject
  @ConfigProperty(name = "uketsuke.openai.read-timeout", defaultValue = "PT12S")
  Duration readTimeout;

  public String model() {
    return model;
  }

  public Double temperature() {
    return temperature.orElse(null);
  }

  public int maxTokens() {
    return maxTokens;
  }

  Duration readTimeout() {
    return readTimeout;
  }
}
