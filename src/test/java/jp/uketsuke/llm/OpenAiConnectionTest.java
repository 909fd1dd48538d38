package jp.uketsuke.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule chat and transcription share for "is OpenAI configured", and where it is. */
class OpenAiConnectionTest {

  @Test
  void neitherKeyNorBaseUrlMeansNotConfigured() {
    assertThat(connection(null, null).configured()).isFalse();
  }

  @Test
  void blankValuesCountAsUnset() {
    assertThat(connection(" ", "  ").configured()).isFalse();
  }

  @Test
  void aKeyAloneMeansOpenAiItself() {
    OpenAiConnection openAi = connection(null, "sk-test");
    assertThat(openAi.configured()).isTrue();
    assertThat(openAi.baseUrl()).hasToString("https://api.openai.com/v1");
  }

  @Test
  void aBaseUrlAloneMeansAServerThatNeedsNoKey() {
    OpenAiConnection openAi = connection(" http://vllm:8000/v1 ", null);
    assertThat(openAi.configured()).isTrue();
    assertThat(openAi.baseUrl()).hasToString("http://vllm:8000/v1");
  }

  @Test
  void keyAndBaseUrlTogetherMeanThatServerWithThatKey() {
    OpenAiConnection openAi = connection("https://example.openai.azure.com/v1", "k");
    assertThat(openAi.configured()).isTrue();
    assertThat(openAi.baseUrl()).hasToString("https://example.openai.azure.com/v1");
  }

  private static OpenAiConnection connection(String baseUrl, String apiKey) {
    return new OpenAiConnection(
        Optional.ofNullable(baseUrl),
        Optional.ofNullable(apiKey),
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(3));
  }
}
