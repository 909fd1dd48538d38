package jp.uketsuke.exttools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static jp.uketsuke.exttools.ExtTools.json;
import static jp.uketsuke.exttools.ExtTools.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What of a tool's answer reaches the model, and when waiting for it ends. */
class ExtToolCallerAnswersTest {
  private static final int LIMIT = 1024;
  private static WireMockServer server;
  private static String base;
  private static ExtToolCaller caller;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    base = "http://127.0.0.1:" + server.port();
    caller = ExtToolCallerTest.caller(Set.of("127.0.0.1"), Set.of("127.0.0.1:" + server.port()));
    // The first request of a JVM is slow (class loading); let it not count against a timeout.
    caller.call(ExtTools.spec(tool("GET", base + "/warm-up").build()), null);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    server.stubFor(any(anyUrl()).willReturn(ok("fine")));
  }

  @Test
  void aJsonAnswerReachesTheModelParsed() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{\"temp\": 21, \"city\": \"大阪\"}")));

    JsonObject result = caller.call(ExtTools.spec(tool("GET", base + "/weather").build()), null);

    assertThat(result)
        .isEqualTo(json("{\"ok\":true,\"status\":200,\"body\":{\"temp\":21,\"city\":\"大阪\"}}"));
  }

  @Test
  void aTextAnswerReachesTheModelAsText() {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<p>no</p>")));

    JsonObject result = caller.call(ExtTools.spec(tool("GET", base + "/missing").build()), null);

    assertThat(result).isEqualTo(json("{\"ok\":true,\"status\":404,\"body\":\"<p>no</p>\"}"));
  }

  @Test
  void anAnswerOverTheLimitIsCutAndSaysSo() {
    String big = "{\"items\": \"" + "x".repeat(5 * LIMIT) + "\"}";
    server.stubFor(any(anyUrl()).willReturn(okJson(big)));

    JsonObject result = caller.call(ExtTools.spec(tool("GET", base + "/big").build()), null);

    assertThat(result.getBoolean("truncated")).isTrue();
    assertThat(result.getString("body")).isEqualTo(big.substring(0, LIMIT));
  }

  @Test
  void aChunkedAnswerOfUndeclaredLengthIsCutToo() {
    String big = "y".repeat(3 * LIMIT);
    server.stubFor(any(anyUrl()).willReturn(ok(big).withChunkedDribbleDelay(4, 100)));

    JsonObject result = caller.call(ExtTools.spec(tool("GET", base + "/chunked").build()), null);

    assertThat(result.getBoolean("truncated")).isTrue();
    assertThat(result.getString("body")).isEqualTo(big.substring(0, LIMIT));
  }

  @Test
  void anAnswerOfExactlyTheLimitIsWholeAndNotMarkedCut() {
    String exact = "z".repeat(LIMIT);
    server.stubFor(any(anyUrl()).willReturn(ok(exact).withChunkedDribbleDelay(2, 50)));

    JsonObject result = caller.call(ExtTools.spec(tool("GET", base + "/exact").build()), null);

    assertThat(result)
        .isEqualTo(
            Json.createObjectBuilder()
                .add("ok", true)
                .add("status", 200)
                .add("body", exact)
                .build());
  }

  @Test
  void aSlowAnswerTimesOutWithinTheToolsTimeout() {
    server.stubFor(any(anyUrl()).willReturn(ok("late").withFixedDelay(3000)));
    JsonObject tool = tool("GET", base + "/slow").add("timeout", 1).build();

    long start = System.nanoTime();
    JsonObject result = caller.call(ExtTools.spec(tool), null);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2800));
    assertThat(result).isEqualTo(json("{\"ok\":false,\"error\":\"timed out after 1 s\"}"));
  }

  @Test
  void aBodyDribbledOutSlowlyStillEndsAtTheTimeout() {
    server.stubFor(any(anyUrl()).willReturn(ok("x".repeat(200)).withChunkedDribbleDelay(20, 3000)));
    JsonObject tool = tool("GET", base + "/drip").add("timeout", 1).build();

    long start = System.nanoTime();
    JsonObject result = caller.call(ExtTools.spec(tool), null);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2800));
    assertThat(result.getBoolean("ok")).isFalse();
    assertThat(result.getString("error")).isEqualTo("timed out after 1 s");
  }
}
