package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * "Bad input gets a clear 4xx problem document, never a 500": each error status the foundation
 * produces, as an old client (ok, error) and an RFC 9457 client (type, title, status, detail) read
 * it.
 */
class ProblemDocumentIT {
  private final Api owner = Api.as(Tokens.person("problems"));

  @Test
  void malformedJsonIsABadRequest() {
    owner.put("/prompt", "{\"content\": \"unterminated").problem(400);
    owner.put("/prompt", "[1, 2").problem(400);
  }

  @Test
  void aBodyOfTheWrongShapeIsABadRequestNamingTheField() {
    String error = owner.put("/prompt", "{\"content\": 42}").problem(400).getString("error");
    assertThat(error).contains("content");
    owner.put("/prompt", "{\"content\": \"   \"}").problem(400);
    owner.put("/prompt", "[]").problem(400);
  }

  @Test
  void anUnknownRouteIsNotFound() {
    owner.get("/no-such-route").problem(404);
  }

  @Test
  void aWrongMethodIsMethodNotAllowed() {
    var reply = owner.delete("/prompt");
    reply.problem(405);
    assertThat(reply.header("Allow")).contains("GET").contains("PUT");
  }

  @Test
  void aBodyOverTheLimitIsTooLarge() {
    String huge = "{\"content\": \"" + "あ".repeat(400_000) + "\"}";
    owner.put("/prompt", huge).problem(413);
  }

  @Test
  void aChunkedBodyOverTheLimitIsTooLargeToo() {
    byte[] chunk = ("{\"content\": \"" + "x".repeat(2_000_000) + "\"}").getBytes();
    var reply =
        owner
            .header("Content-Type", "application/json")
            .send(
                "PUT",
                "/prompt",
                BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunk)));
    reply.problem(413);
  }

  @Test
  void anotherMediaTypeIsUnsupported() {
    owner.header("Content-Type", "text/plain").sendJson("PUT", "/prompt", "content").problem(415);
  }

  @Test
  void everyResponseCarriesARequestIdAndAKnownOneIsKept() {
    var reply = owner.header("X-Request-Id", "voice-turn-000123").get("/no-such-route");
    reply.problem(404);
    assertThat(reply.header("X-Request-Id")).isEqualTo("voice-turn-000123");
    assertThat(reply.json().getString("instance")).endsWith("voice-turn-000123");
  }
}
