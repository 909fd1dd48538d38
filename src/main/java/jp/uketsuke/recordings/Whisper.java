package jp.uketsuke.recordings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import jp.uketsuke.llm.OpenAiConnection;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.TenantValues;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Speech to text through OpenAI. A transcription is paid for, so a failed one is not retried
 * blindly: the client gets a 502 and may ask again; an outage opens the breaker instead of queueing
 * uploads. Where OpenAI is, its key and whether it is configured at all is {@link
 * OpenAiConnection}'s, shared with chat.
 */
@ApplicationScoped
public class Whisper {
  private static final Logger LOG = Logger.getLogger(Whisper.class.getName());

  @Inject OpenAiConnection openAi;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.transcription-model", defaultValue = "whisper-1")
  String model;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.transcription-language", defaultValue = "ja")
  String defaultLanguage;

  /** Language hints per tenant, {@code tenant=en,tenant2=ko}. */
  @Inject
  @ConfigProperty(name = "uketsuke.openai.transcription-languages")
  Optional<TenantValues> tenantLanguages;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.transcription-timeout", defaultValue = "PT120S")
  Duration timeout;

  private WhisperApi api;
  private Map<String, String> languages;

  @PostConstruct
  void init() {
    languages = tenantLanguages.orElse(TenantValues.NONE).values();
    api = openAi.client(timeout).build(WhisperApi.class);
  }

  void requireConfigured() {
    if (!openAi.configured()) {
      throw ApiException.unavailable(
          "Transcription is not available: OpenAI is not configured for this service.");
    }
  }

  String model() {
    return model;
  }

  String languageOf(String tenantId) {
    return languages.getOrDefault(tenantId, defaultLanguage);
  }

  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000)
  WhisperResult transcribe(Path audio, MediaFormat format, String language) {
    requireConfigured();
    try (InputStream content = Files.newInputStream(audio)) {
      WhisperResult result = api.transcribe(form(content, format, language));
      if (result == null || result.text() == null) {
        throw ApiException.badGateway("OpenAI returned no transcript; try again later.");
      }
      return result;
    } catch (WebApplicationException e) {
      LOG.warning("OpenAI answered " + e.getResponse().getStatus() + " to a transcription");
      throw ApiException.badGateway("OpenAI failed to transcribe the recording; try again later.");
    } catch (ProcessingException | IOException e) {
      LOG.warning("OpenAI could not be reached for a transcription: " + e);
      throw ApiException.badGateway("OpenAI could not be reached; try again later.");
    }
  }

  private List<EntityPart> form(InputStream content, MediaFormat format, String language)
      throws IOException {
    return List.of(
        EntityPart.withName("file")
            .fileName("recording." + format.extension())
            .mediaType(format.contentType())
            .content(content)
            .build(),
        EntityPart.withName("model").content(model).build(),
        EntityPart.withName("language").content(language).build(),
        EntityPart.withName("response_format").content("verbose_json").build());
  }
}
