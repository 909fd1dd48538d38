package jp.uketsuke.exttools;

import static jp.uketsuke.exttools.ExtTools.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a stored tool becomes a request: method, timeout, headers and body kinds. */
class ExtToolRequestTest {
  private static final Duration DEFAULT = Duration.ofSeconds(5);
  private static final JsonObject NO_ARGUMENTS = JsonValue.EMPTY_JSON_OBJECT;

  @Test
  void aToolsTimeoutIsUsedButNeverMoreThanFifteenSeconds() throws ExtToolFailure {
    JsonObject twoAndAHalf = tool("GET", "https://a.example/").add("timeout", 2.5).build();
    JsonObject sixty = tool("GET", "https://a.example/").add("timeout", 60).build();
    JsonObject none = tool("GET", "https://a.example/").remove("timeout").build();

    assertThat(ExtToolRequest.of(ExtTools.spec(twoAndAHalf), NO_ARGUMENTS, DEFAULT).timeout())
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(ExtToolRequest.of(ExtTools.spec(sixty), NO_ARGUMENTS, DEFAULT).timeout())
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(ExtToolRequest.of(ExtTools.spec(none), NO_ARGUMENTS, DEFAULT).timeout())
        .isEqualTo(DEFAULT);
    assertThat(ExtToolRequest.of(ExtTools.spec(none), NO_ARGUMENTS, Duration.ZERO).timeout())
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void withoutAMethodAToolWithABodyPostsAndOneWithoutGets() throws ExtToolFailure {
    JsonObject withBody =
        tool("GET", "https://a.example/").remove("method").add("body", "hello").build();
    JsonObject withoutBody = tool("GET", "https://a.example/").remove("method").build();

    assertThat(ExtToolRequest.of(ExtTools.spec(withBody), NO_ARGUMENTS, DEFAULT).method())
        .isEqualTo("POST");
    assertThat(ExtToolRequest.of(ExtTools.spec(withoutBody), NO_ARGUMENTS, DEFAULT).method())
        .isEqualTo("GET");
  }

  @Test
  void anotherMethodIsRefused() {
    JsonObject connect = tool("CONNECT", "https://a.example/").build();

    assertThatThrownBy(() -> ExtToolRequest.of(ExtTools.spec(connect), NO_ARGUMENTS, DEFAULT))
        .isInstanceOf(ExtToolFailure.class)
        .hasMessage("the tool's method CONNECT is not supported");
  }

  @Test
  void headersThatTheClientOwnsOrThatAreNoHeaderNamesAreLeftOut() throws ExtToolFailure {
    JsonObject tool =
        tool("GET", "https://a.example/")
            .add(
                "headers",
                Json.createObjectBuilder()
                    .add("Host", "internal.local")
                    .add("Content-Length", "0")
                    .add("X-Bad\r\nName", "v")
                    .add("X-Api-Key", "k"))
            .build();

    assertThat(ExtToolRequest.of(ExtTools.spec(tool), NO_ARGUMENTS, DEFAULT).headers())
        .containsExactly(java.util.Map.entry("X-Api-Key", "k"));
  }

  @Test
  void aFormBodyEncodesArgumentsAsFormValues() throws ExtToolFailure {
    JsonObject tool =
        tool("POST", "https://a.example/", "q")
            .add(
                "headers",
                Json.createObjectBuilder().add("Content-Type", "application/x-www-form-urlencoded"))
            .add("body", "q={{q}}&lang=ja")
            .build();
    JsonObject arguments = Json.createObjectBuilder().add("q", "a&b=c d").build();

    ExtToolRequest request = ExtToolRequest.of(ExtTools.spec(tool), arguments, DEFAULT);

    assertThat(request.body()).isEqualTo("q=a%26b%3Dc%20d&lang=ja");
    assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.headers()).isEmpty();
  }

  @Test
  void aPlainTextBodyTakesArgumentsAsTheyAre() throws ExtToolFailure {
    JsonObject tool =
        tool("POST", "https://a.example/", "name").add("body", "Hi {{name}}!").build();
    JsonObject arguments = Json.createObjectBuilder().add("name", "\"Bob\" & co").build();

    ExtToolRequest request = ExtToolRequest.of(ExtTools.spec(tool), arguments, DEFAULT);

    assertThat(request.body()).isEqualTo("Hi \"Bob\" & co!");
    assertThat(request.contentType()).isEqualTo("text/plain; charset=UTF-8");
  }

  @Test
  void aJsonTextBodyThatIsNotJsonIsAnError() {
    JsonObject tool = tool("POST", "https://a.example/").add("body", "{\"a\": oops}").build();

    assertThatThrownBy(() -> ExtToolRequest.of(ExtTools.spec(tool), NO_ARGUMENTS, DEFAULT))
        .hasMessage("the tool's body template is not valid JSON");
  }

  @Test
  void anAbsentOptionalArgumentIsEmptyInTextAndNullAsAValue() throws ExtToolFailure {
    JsonObject tool =
        tool("POST", "https://a.example/items?q={{q}}", "q")
            .add("body", ExtTools.json("{\"q\": \"{{q}}\", \"label\": \"q={{q}}\"}"))
            .build();

    ExtToolRequest request = ExtToolRequest.of(ExtTools.spec(tool), NO_ARGUMENTS, DEFAULT);

    assertThat(request.uri().toString()).isEqualTo("https://a.example/items?q=");
    assertThat(ExtTools.json(request.body()))
        .isEqualTo(ExtTools.json("{\"q\":null,\"label\":\"q=\"}"));
  }
}
