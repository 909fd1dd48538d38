package jp.uketsuke.exttools;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static jp.uketsuke.exttools.ExtTools.json;
import static jp.uketsuke.exttools.ExtTools.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the tool's server: arguments escaped where they land; or, failing that, an error.
 */
class ExtToolCallerTest {
  private static final int LIMIT = 1024;
  private static WireMockServer server;
  private static String base;
  private static ExtToolCaller caller;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    base = "http://127.0.0.1:" + server.port();
    caller = caller(Set.of("127.0.0.1"), Set.of("127.0.0.1:" + server.port()));
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

  static ExtToolCaller caller(Set<String> httpHosts, Set<String> allowedEndpoints) {
    return new ExtToolCaller(
        httpHosts,
        allowedEndpoints,
        LIMIT,
        Duration.ofSeconds(2),
        host -> {
          throw new UnknownHostException(host);
        });
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests =
        server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void argumentsInThePathAndQueryArriveAsSingleEncodedValues() {
    JsonObject tool = tool("GET", base + "/items/{{id}}?q={{q}}&x=1", "id", "q").build();
    JsonObject arguments =
        Json.createObjectBuilder().add("id", "../admin").add("q", "a&b=c#d?e f/é").build();

    JsonObject result = caller.call(ExtTools.spec(tool), arguments);

    assertThat(result.getBoolean("ok")).isTrue();
    LoggedRequest received = onlyRequest();
    assertThat(received.getUrl())
        .isEqualTo("/items/%2E%2E%2Fadmin?q=a%26b%3Dc%23d%3Fe%20f%2F%C3%A9&x=1");
    assertThat(received.queryParameter("q").firstValue()).isEqualTo("a&b=c#d?e f/é");
    assertThat(received.queryParameter("x").values()).containsExactly("1");
  }

  @Test
  void aDotDotArgumentCannotClimbOutOfTheConfiguredPath() {
    JsonObject tool = tool("GET", base + "/api/items/{{id}}", "id").build();

    caller.call(ExtTools.spec(tool), Json.createObjectBuilder().add("id", "..").build());

    assertThat(onlyRequest().getUrl()).isEqualTo("/api/items/%2E%2E");
  }

  @Test
  void aJsonBodyTakesArgumentsAsValuesSoQuotesCannotBreakOut() {
    String sly = "hi\", \"admin\": true, \"x\": \"";
    JsonObject tool =
        tool("POST", base + "/notes", "msg", "n")
            .add("body", json("{\"text\":\"{{msg}}\",\"n\":\"{{n}}\",\"tags\":[\"pre-{{msg}}\"]}"))
            .build();

    caller.call(
        ExtTools.spec(tool), Json.createObjectBuilder().add("msg", sly).add("n", 3).build());

    LoggedRequest received = onlyRequest();
    JsonObject body = json(received.getBodyAsString());
    assertThat(body.keySet()).containsExactlyInAnyOrder("text", "n", "tags");
    assertThat(body.getString("text")).isEqualTo(sly);
    assertThat(body.getInt("n")).isEqualTo(3);
    assertThat(body.getJsonArray("tags").getString(0)).isEqualTo("pre-" + sly);
    assertThat(received.getHeader("Content-Type")).startsWith("application/json");
  }

  @Test
  void aBodyWrittenAsJsonTextEscapesArgumentsToo() {
    String sly = "a\"}, \"admin\": true, \"z\": {\"b\": \"\\";
    JsonObject tool =
        tool("POST", base + "/notes", "msg", "n")
            .add("body", "{\"text\": \"say {{msg}}\", \"n\": {{n}}, \"m\": {{msg}}}")
            .build();

    caller.call(
        ExtTools.spec(tool), Json.createObjectBuilder().add("msg", sly).add("n", 3).build());

    JsonObject body = json(onlyRequest().getBodyAsString());
    assertThat(body.keySet()).containsExactlyInAnyOrder("text", "n", "m");
    assertThat(body.getString("text")).isEqualTo("say " + sly);
    assertThat(body.getInt("n")).isEqualTo(3);
    assertThat(body.getString("m")).isEqualTo(sly);
  }

  @Test
  void headerValuesLoseLineBreaksSoNoHeaderCanBeAdded() {
    JsonObject tool =
        tool("GET", base + "/who", "name")
            .add(
                "headers",
                Json.createObjectBuilder()
                    .add("X-Name", "{{name}}")
                    .add("Authorization", "Bearer k-123"))
            .build();

    caller.call(
        ExtTools.spec(tool),
        Json.createObjectBuilder().add("name", "bob\r\nX-Injected: yes").build());

    LoggedRequest received = onlyRequest();
    assertThat(received.getHeader("X-Name")).isEqualTo("bobX-Injected: yes");
    assertThat(received.containsHeader("X-Injected")).isFalse();
    assertThat(received.getHeader("Authorization")).isEqualTo("Bearer k-123");
  }

  @Test
  void aMissingRequiredArgumentIsAnErrorAndSendsNothing() {
    JsonObject tool =
        tool("GET", base + "/items/{{id}}", "id")
            .add(
                "parameters",
                json(
                    "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}"))
            .build();

    JsonObject result = caller.call(ExtTools.spec(tool), Json.createObjectBuilder().build());

    assertThat(result).isEqualTo(json("{\"ok\":false,\"error\":\"missing argument: id\"}"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void plainHttpIsRefusedForHostsNotListed() {
    ExtToolCaller httpsOnly = caller(Set.of(), Set.of("127.0.0.1:" + server.port()));

    JsonObject result = httpsOnly.call(ExtTools.spec(tool("GET", base + "/x").build()), null);

    assertThat(result)
        .isEqualTo(json("{\"ok\":false,\"error\":\"the tool's URL must use https\"}"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    ExtToolCaller toClosed = caller(Set.of("127.0.0.1"), Set.of("127.0.0.1:" + closed));

    JsonObject result =
        toClosed.call(ExtTools.spec(tool("GET", "http://127.0.0.1:" + closed + "/").build()), null);

    assertThat(result).isEqualTo(json("{\"ok\":false,\"error\":\"connection refused\"}"));
  }

  @Test
  void anUnknownHostIsAnError() {
    JsonObject result =
        caller.call(ExtTools.spec(tool("GET", "https://nowhere.invalid/x").build()), null);

    assertThat(result)
        .isEqualTo(json("{\"ok\":false,\"error\":\"could not resolve host nowhere.invalid\"}"));
  }
}
