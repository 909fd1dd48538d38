package jp.uketsuke.security;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input against every operation of the OpenAPI document, as a tenant's own owner: never a
 * 5xx or a hang, every refusal a problem document, and the service ready afterwards. Tries are
 * bounded so the properties take about a minute on a loaded two-core machine.
 */
class HostileInputIT {
  private static final String TENANT = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
  private static String token;
  private static final java.util.concurrent.atomic.AtomicInteger REFUSED_BY_SERVER =
      new java.util.concurrent.atomic.AtomicInteger();
  private static StubMapping model;

  @BeforeContainer
  static void answerEveryModelCall() {
    // /chat turns reach the model stub: a plain answer keeps the circuit closed for later tests.
    // Priority 10 lets any test's own, more specific stub win.
    model =
        LocalStack.get()
            .wiremock()
            .register(
                post(urlPathEqualTo("/v1/chat/completions"))
                    .atPriority(10)
                    .willReturn(
                        okJson(
                            "{\"id\": \"c\", \"object\": \"chat.completion\", \"model\": \"m\","
                                + " \"choices\": [{\"index\": 0, \"message\": {\"role\":"
                                + " \"assistant\", \"content\": \"はい\"}, \"finish_reason\":"
                                + " \"stop\"}]}")));
    token = Tokens.person(TENANT);
  }

  @AfterContainer
  static void theServiceIsStillReady() {
    if (model != null) {
      LocalStack.get().wiremock().removeStubMapping(model);
    }
    System.out.println(
        "HostileInputIT: " + REFUSED_BY_SERVER.get() + " URIs refused by Liberty before the app");
    Reply ready = Api.anonymous().get("/health/ready");
    assertThat(ready.status()).as("/health/ready: %s", ready.body()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
  }

  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
  void hostileBodiesAreRefusedWithAProblemNeverA5xx(
      @ForAll("routes") Route route, @ForAll("bodies") byte[] body) {
    String path = route.pathWithAll("x");
    check(route, path, send(route.method(), path, "application/json", body));
  }

  @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
  void hostilePathSegmentsAndQueryValuesNeverCauseA5xx(
      @ForAll("routes") Route route, @ForAll("values") String value) {
    String query =
        route.queryParams().stream()
            .map(name -> name + "=" + value)
            .collect(Collectors.joining("&"));
    String path = route.rawPath(value) + (query.isEmpty() ? "" : "?" + query);
    byte[] body = route.hasBody() ? Hostile.utf8("{}") : null;
    check(route, path, send(route.method(), path, "application/json", body), true);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void oddContentTypesNeverCauseA5xx(
      @ForAll("writes") Route route,
      @ForAll("contentTypes") String contentType,
      @ForAll("bodies") byte[] body) {
    String path = route.pathWithAll("x");
    check(route, path, send(route.method(), path, contentType, body));
  }

  /** Just over 10 MiB: above the 1 MiB default and the 10 MiB of {@code POST /faqs/import}. */
  @Example
  void aTenMegabyteBodyIs413OnEveryWrite() {
    byte[] body = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(body, (byte) 'a');
    body[0] = '"';
    body[body.length - 1] = '"';
    for (Route route : OpenApiRoutes.all()) {
      if (route.hasBody()) {
        String path = route.pathWithAll("x");
        Reply reply = send(route.method(), path, "application/json", body);
        check(route, path, reply);
        assertThat(reply.status()).as("%s with 10 MB", route).isEqualTo(413);
      }
    }
  }

  @Example
  void tenThousandLevelsOfNestingAreRefusedOnEveryWrite() {
    for (String open : List.of("[", "{\"config\":")) {
      byte[] body =
          Hostile.utf8(open.repeat(10_000) + "1" + (open.equals("[") ? "]" : "}").repeat(10_000));
      for (Route route : OpenApiRoutes.all()) {
        if (route.hasBody()) {
          String path = route.pathWithAll("x");
          check(route, path, send(route.method(), path, "application/json", body));
        }
      }
    }
  }

  /**
   * 100 KB of path or query: over the request-line limit of Liberty's HTTP channel, which refuses
   * it (400, empty body) before the application sees it. Never a 5xx; if the application answers, a
   * problem document.
   */
  @Example
  void hundredKilobytePathsAndQueriesAreRefused() {
    String huge = "%E3%81%82".repeat(100 * 1024 / 9);
    for (Route route : OpenApiRoutes.all()) {
      String path = route.rawPath(huge);
      String query =
          route.queryParams().isEmpty() ? "" : "?" + route.queryParams().get(0) + "=" + huge;
      if (path.equals(route.template()) && query.isEmpty()) {
        continue;
      }
      byte[] body = route.hasBody() ? Hostile.utf8("{}") : null;
      Reply reply = send(route.method(), path + query, "application/json", body);
      assertThat(reply.status()).as("%s with 100 KB", route).isIn(400, 414);
      if (!reply.body().isEmpty()) {
        check(route, path + query, reply, false);
      }
    }
  }

  @Provide
  Arbitrary<Route> routes() {
    return Arbitraries.of(OpenApiRoutes.all());
  }

  @Provide
  Arbitrary<Route> writes() {
    return Arbitraries.of(OpenApiRoutes.all().stream().filter(Route::hasBody).toList());
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Hostile.bodies();
  }

  @Provide
  Arbitrary<String> values() {
    return Hostile.encodedValues();
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Hostile.contentTypes();
  }

  private static Reply send(String method, String path, String contentType, byte[] body) {
    Api api = Api.as(token);
    if (!contentType.isEmpty()) {
      api.header("Content-Type", contentType);
    }
    return api.send(
        method, path, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
  }

  /** Below 500; a refusal is a problem document with its status and a title. */
  private static void check(Route route, String path, Reply reply) {
    check(route, path, reply, false);
  }

  /**
   * @param uri whether the path or query is the hostile part: Liberty's web container refuses a URI
   *     with an encoded NUL or an invalid escape before any application code runs (400, its own
   *     JSON body with message CWWWC0005I), and the channel refuses an over-long request line (400,
   *     empty body); neither is a failure of ours, both are still below 500
   */
  private static void check(Route route, String path, Reply reply, boolean uri) {
    if (uri
        && reply.status() == 400
        && (reply.body().isEmpty() || reply.body().contains("CWWWC0005I"))) {
      REFUSED_BY_SERVER.incrementAndGet();
      return;
    }
    String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
    String body = reply.body().length() > 500 ? reply.body().substring(0, 500) : reply.body();
    assertThat(reply.status()).as("%s %s -> %s", route.method(), shown, body).isLessThan(500);
    if (reply.status() >= 400) {
      assertThat(reply.header("Content-Type"))
          .as("%s %s -> %d %s", route.method(), shown, reply.status(), body)
          .startsWith("application/problem+json");
      JsonObject problem = reply.json();
      assertThat(problem.getInt("status")).isEqualTo(reply.status());
      assertThat(problem.getString("title")).isNotBlank();
      assertThat(problem.getBoolean("ok")).isFalse();
      assertThat(reply.body().toLowerCase(Locale.ROOT)).doesNotContain("exception", "jp.uketsuke.");
    }
  }
}
