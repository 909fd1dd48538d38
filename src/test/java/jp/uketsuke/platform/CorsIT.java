package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The console runs on its own origin; only configured origins get CORS headers, never "*". */
class CorsIT {
  private static final String CONSOLE = "http://localhost:5173";

  @Test
  void aPreflightFromTheConsoleIsAnswered() {
    var reply =
        Api.anonymous()
            .header("Origin", CONSOLE)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .send("OPTIONS", "/prompt", BodyPublishers.noBody());

    assertThat(reply.status()).isBetween(200, 204);
    assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
    assertThat(reply.header("Access-Control-Allow-Methods")).contains("PUT");
    assertThat(reply.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
  }

  @Test
  void responsesToTheConsoleCarryItsOriginErrorsIncluded() {
    var ok = Api.as(Tokens.person("cors")).header("Origin", CONSOLE).get("/me");
    assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);

    var denied = Api.anonymous().header("Origin", CONSOLE).get("/me");
    denied.problem(401);
    assertThat(denied.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
  }

  @Test
  void anotherOriginGetsNoCorsHeaders() {
    var reply =
        Api.anonymous()
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "GET")
            .send("OPTIONS", "/me", BodyPublishers.noBody());

    assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    var get = Api.as(Tokens.person("cors")).header("Origin", "https://evil.example").get("/me");
    assertThat(get.header("Access-Control-Allow-Origin")).isNull();
  }
}
