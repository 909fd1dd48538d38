package jp.uketsuke.security;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static jp.uketsuke.security.Probe.claimed;
import static jp.uketsuke.security.Probe.cursor;
import static jp.uketsuke.security.Probe.fresh;
import static jp.uketsuke.security.Probe.notFound;
import static jp.uketsuke.security.Probe.nothing;
import static jp.uketsuke.security.TenantSeed.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tenant matrix of every operation in the running server's OpenAPI document. With tenant A's
 * data in place, tenant B asks for A's keys, cursors, SIDs, versions and audit ids: 404, 400 for a
 * refused cursor, or B's own (empty) result, and never a byte of A's data. Without a token every
 * operation answers 401, a person naming another tenant 403, a service token naming none 401. A
 * route without a fixture here fails the matrix: a new route must say how it is probed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantMatrixIT {
  private static final TenantSeed SEED = new TenantSeed();
  private static final TwilioFake TWILIO = new TwilioFake();
  private static final WireMock WIREMOCK = LocalStack.get().wiremock();
  private static StubMapping model;

  /** Per operation: the requests B makes with A's keys. */
  private static final Map<String, Function<TenantSeed, List<Probe>>> PROBES = probes();

  /** Per operation that reads A's data: A's own request, and a marker it must show A. */
  private static final Map<String, Function<TenantSeed, OwnerView>> OWNER_VIEWS = ownerViews();

  record OwnerView(String path, String shows) {}

  /**
   * Operations authenticated by something other than a bearer token (Twilio's signature,
   * docs/security.md): whatever token comes with it, an unsigned request is refused.
   */
  private static final Set<String> OWN_AUTHENTICATION = Set.of("POST /twilio/status");

  @BeforeAll
  static void createTenantA() {
    model =
        WIREMOCK.register(
            post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(SEED.run))
                .willReturn(okJson(modelAnswer("かしこまりました。"))));
    TWILIO.recording(SEED.recordingSid, SEED.callSid, new byte[] {1, 2, 3, 4});
    SEED.create();
    Api.as(Tokens.person(SEED.tenantB))
        .put("/func-config", "{\"config\": " + TenantSeed.funcConfig("B") + "}")
        .ok();
  }

  @AfterAll
  static void removeStubs() {
    TWILIO.close();
    if (model != null) {
      WIREMOCK.removeStubMapping(model);
    }
  }

  @Test
  @Order(1)
  void everyDocumentedOperationHasAFixtureAndEveryFixtureAnOperation() {
    Set<String> documented = new TreeSet<>();
    OpenApiRoutes.all().forEach(route -> documented.add(route.key()));
    assertThat(new TreeSet<>(PROBES.keySet()))
        .as("operations of /openapi without a tenant-matrix fixture (add one to probes())")
        .containsAll(documented);
    assertThat(documented)
        .as("fixtures for operations /openapi does not document")
        .containsAll(PROBES.keySet());
  }

  @TestFactory
  @Order(2)
  Stream<DynamicNode> ownerSeesTheDataTheProbesAimAt() {
    return OpenApiRoutes.all().stream()
        .filter(route -> OWNER_VIEWS.containsKey(route.key()))
        .map(
            route ->
                dynamicTest(
                    route.key(),
                    () -> {
                      OwnerView view = OWNER_VIEWS.get(route.key()).apply(SEED);
                      Reply reply = SEED.a().get(view.path());
                      assertThat(reply.status()).as("A: %s", reply.body()).isEqualTo(200);
                      if (view.shows() != null) {
                        assertThat(reply.body()).contains(view.shows());
                      }
                    }));
  }

  @TestFactory
  @Order(3)
  Stream<DynamicNode> anotherTenantGetsNothingOfA() {
    return readsFirst(OpenApiRoutes.all()).stream()
        .filter(route -> PROBES.containsKey(route.key()))
        .map(
            route ->
                dynamicContainer(
                    route.key(),
                    PROBES.get(route.key()).apply(SEED).stream()
                        .map(probe -> dynamicTest(probe.toString(), () -> probeAsB(probe)))));
  }

  @TestFactory
  @Order(4)
  Stream<DynamicNode> withoutAValidTenantNothingIsServed() {
    return OpenApiRoutes.all().stream()
        .map(
            route -> {
              Probe probe = placeholder(route);
              if (OWN_AUTHENTICATION.contains(route.key())) {
                return unsignedIsRefused(route, probe);
              }
              return dynamicContainer(
                  route.key(),
                  Stream.of(
                      dynamicTest(
                          "no token -> 401", () -> probe.send(Api.anonymous()).problem(401)),
                      dynamicTest(
                          "token of a key nobody trusts -> 401",
                          () ->
                              probe
                                  .send(
                                      Api.as(
                                          Tokens.signWithUnknownKey(Tokens.idToken(SEED.tenantA))))
                                  .problem(401)),
                      dynamicTest(
                          "person naming another tenant in x-client-id -> 403",
                          () ->
                              probe
                                  .send(SEED.b().header("x-client-id", SEED.tenantA))
                                  .problem(403)),
                      dynamicTest(
                          "service token without x-client-id -> 401",
                          () -> probe.send(Api.as(Tokens.service())).problem(401))));
            });
  }

  /**
   * No token is 403 (the signature is missing); a token is not this route's authentication, so a
   * valid one changes nothing and one Liberty cannot verify is 401 before the route.
   */
  private static DynamicNode unsignedIsRefused(Route route, Probe probe) {
    return dynamicContainer(
        route.key(),
        Stream.of(
            dynamicTest(
                "no token, no signature -> 403", () -> probe.send(Api.anonymous()).problem(403)),
            dynamicTest(
                "A's person token, no signature -> 403", () -> probe.send(SEED.a()).problem(403)),
            dynamicTest(
                "service token naming A, no signature -> 403",
                () ->
                    probe
                        .send(Api.as(Tokens.service()).header("x-client-id", SEED.tenantA))
                        .problem(403)),
            dynamicTest(
                "token of a key nobody trusts -> 401 or 403",
                () -> {
                  Reply reply =
                      probe.send(Api.as(Tokens.signWithUnknownKey(Tokens.idToken(SEED.tenantA))));
                  reply.problem(reply.status() == 401 ? 401 : 403);
                })));
  }

  @Test
  @Order(5)
  void twilioWasNeverAskedForAsMediaOrRecordingsOnBsBehalf() {
    List<LoggedRequest> media =
        WIREMOCK.find(
            getRequestedFor(
                urlPathMatching(".*/Recordings/" + SEED.recordingSid + "\\.(mp3|wav)")));
    // A's owner fetched the audio once per format in ownerSeesTheDataTheProbesAimAt, B never.
    assertThat(media).as("media requests for A's recording").hasSizeLessThanOrEqualTo(1);
    List<LoggedRequest> listings =
        WIREMOCK.find(
            getRequestedFor(urlPathEqualTo(TwilioFake.RECORDINGS + ".json"))
                .withQueryParam(
                    "CallSid",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(SEED.callSid)));
    // A's own view lists the call's recordings once (GET /recordings) and its caller timeline asks
    // whether the call was recorded once (GET /callers/{phone}: a page of one); B's probes add
    // none.
    List<LoggedRequest> probes =
        listings.stream().filter(r -> r.queryParameter("PageSize").containsValue("1")).toList();
    assertThat(listings.size() - probes.size())
        .as("full recording listings of A's call (A's own view only)")
        .isEqualTo(1);
    assertThat(probes).as("timeline probes of A's call (A's own view only)").hasSizeLessThan(2);
  }

  @Test
  @Order(6)
  void theModelNeverSawAsDataInBsTurns() {
    List<String> bTurns =
        WIREMOCK.find(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
            .map(LoggedRequest::getBodyAsString)
            .filter(body -> body.contains(bMarker()))
            .toList();
    assertThat(bTurns).as("B's chat turns reached the model stub").isNotEmpty();
    for (String body : bTurns) {
      for (String secret : SEED.secrets()) {
        if (!Set.of(SEED.phone, SEED.callSid, SEED.taskName).contains(secret)) {
          assertThat(body).as("a model request of B's turn").doesNotContain(secret);
        }
      }
    }
  }

  @Test
  @Order(7)
  void tenantAsDataIsIntactAfterBsAttempts() {
    Api a = SEED.a();
    assertThat(
            a.get("/faq/" + Route.encode(SEED.faqQuestion))
                .ok()
                .getJsonObject("item")
                .getString("answer"))
        .isEqualTo(SEED.faqAnswer);
    assertThat(a.get("/task/" + Route.encode(SEED.taskName)).ok().toString())
        .contains(SEED.taskRequest);
    assertThat(a.get("/task/" + Route.encode(SEED.taskName2)).status()).isEqualTo(200);
    assertThat(a.get("/call?call_sid=" + SEED.callSid).ok().getJsonArray("items")).hasSize(3);
    assertThat(
            a.get("/call?phone=" + SEED.phone + "&ts=" + Route.encode(SEED.turnTs)).ok().toString())
        .contains(SEED.userText, SEED.assistantText);
    assertThat(a.get("/prompt").ok().getString("content")).isEqualTo(SEED.prompt2);
    assertThat(a.get("/func-config").ok().toString()).contains(SEED.instructions);
    assertThat(a.get("/ext-tools").ok().toString()).contains(SEED.extToolDescription);
    assertThat(a.get("/webhooks").ok().toString()).contains(SEED.webhookDescription);
  }

  private static void probeAsB(Probe probe) {
    Reply reply = probe.send(SEED.b());
    assertThat(reply.status())
        .as("B: %s -> %s", probe, reply.body())
        .isIn(probe.allowed().toArray());
    if (reply.status() >= 400) {
      reply.problem(reply.status());
    }
    String sent = probe.sent();
    for (String secret : SEED.secrets()) {
      if (!sent.contains(secret)) {
        assertThat(reply.body()).as("B's answer to %s", probe).doesNotContain(secret);
      }
    }
  }

  /** Reads run before writes, so B's own creations never stand in for A's missing data. */
  private static List<Route> readsFirst(List<Route> routes) {
    List<String> order = List.of("GET", "PUT", "DELETE", "POST");
    List<Route> sorted = new ArrayList<>(routes);
    sorted.sort(
        java.util.Comparator.comparingInt((Route r) -> order.indexOf(r.method()))
            .thenComparing(Route::template));
    return sorted;
  }

  /** The operation with harmless values: only who is calling matters to these checks. */
  private static Probe placeholder(Route route) {
    String path = route.pathWithAll("09000000000");
    return new Probe(route.method(), path, route.hasBody() ? "{}" : null, Set.of());
  }

  private static String bMarker() {
    return "MXB" + SEED.run;
  }

  private static Map<String, Function<TenantSeed, List<Probe>>> probes() {
    Map<String, Function<TenantSeed, List<Probe>>> p = new LinkedHashMap<>();
    p.put("GET /me", s -> List.of(nothing("/me")));
    // FAQ
    p.put(
        "GET /faqs",
        s ->
            List.of(
                nothing("/faqs"),
                nothing("/faqs?limit=1"),
                cursor("/faqs?limit=1&next_token=" + Route.encode(s.faqsCursor))));
    p.put(
        "GET /faqs/export",
        s -> List.of(nothing("/faqs/export?format=json"), nothing("/faqs/export?format=csv")));
    p.put(
        "GET /faqs/search", s -> List.of(nothing("/faqs/search?q=" + Route.encode(s.faqQuestion))));
    p.put("GET /faqs/usage", s -> List.of(nothing("/faqs/usage")));
    p.put("GET /faqs/gaps", s -> List.of(nothing("/faqs/gaps"), nothing("/faqs/gaps?days=90")));
    p.put(
        "POST /faqs/import",
        s ->
            List.of(
                nothing(
                    "POST",
                    "/faqs/import?dry_run=true",
                    "[{\"question\": \"" + s.faqQuestion + "\", \"answer\": \"B\"}]")));
    p.put("GET /faq/{question}", s -> List.of(notFound("GET", faq(s))));
    p.put("PUT /faq/{question}", s -> List.of(notFound("PUT", faq(s), json("answer", "B"))));
    p.put("DELETE /faq/{question}", s -> List.of(notFound("DELETE", faq(s))));
    p.put(
        "POST /faq",
        s -> List.of(fresh("POST", "/faq", json("question", s.faqQuestion, "answer", "B"))));
    // Tasks
    p.put(
        "GET /tasks",
        s ->
            List.of(
                nothing("/tasks"),
                nothing("/tasks?phone=" + s.phone),
                cursor("/tasks?limit=1&next_token=" + Route.encode(s.tasksCursor))));
    p.put("GET /task/{name}", s -> List.of(notFound("GET", task(s))));
    p.put("PUT /task/{name}", s -> List.of(notFound("PUT", task(s), json("request", "B"))));
    p.put("DELETE /task/{name}", s -> List.of(notFound("DELETE", task(s))));
    p.put(
        "POST /task",
        s -> List.of(fresh("POST", "/task", json("name", s.taskName, "request", "B"))));
    // Call logs
    p.put(
        "GET /calls",
        s ->
            List.of(
                nothing("/calls"),
                nothing("/calls?phone=" + s.phone),
                cursor("/calls?limit=1&next_token=" + Route.encode(s.callsCursor))));
    p.put(
        "GET /calls/export",
        s ->
            List.of(
                nothing("/calls/export?format=jsonl&phone=" + s.phone),
                nothing("/calls/export?format=csv")));
    p.put("GET /phones", s -> List.of(nothing("/phones")));
    p.put("POST /phones/rebuild", s -> List.of(nothing("POST", "/phones/rebuild", null)));
    p.put(
        "GET /call",
        s ->
            List.of(
                nothing("/call?call_sid=" + s.callSid),
                notFound("GET", "/call?phone=" + s.phone + "&ts=" + Route.encode(s.turnTs))));
    p.put(
        "PUT /call",
        s ->
            List.of(
                notFound(
                    "PUT",
                    "/call",
                    json("phone_number", s.phone, "ts", s.turnTs, "user_text", "B"))));
    p.put(
        "DELETE /call",
        s ->
            List.of(
                nothing("DELETE", "/call?call_sid=" + s.callSid, null),
                notFound("DELETE", "/call?phone=" + s.phone + "&ts=" + Route.encode(s.turnTs))));
    p.put(
        "POST /call",
        s ->
            List.of(
                fresh(
                    "POST",
                    "/call",
                    json("phone_number", s.phone, "ts", s.turnTs, "user_text", "B")),
                // A's call SID is A's: B cannot log a turn under it, nor get its recordings.
                claimed(
                    "POST",
                    "/call",
                    json("phone_number", "09000000001", "call_sid", s.callSid, "user_text", "B")),
                notFound("GET", "/recordings?call_sid=" + s.callSid),
                notFound("GET", "/recording/" + s.recordingSid),
                notFound("GET", "/transcription?recording_sid=" + s.recordingSid)));
    p.put("GET /callers/{phone}", s -> List.of(nothing("/callers/" + s.phone)));
    p.put("DELETE /callers/{phone}", s -> List.of(nothing("DELETE", "/callers/" + s.phone, null)));
    // Recordings
    p.put(
        "GET /recordings",
        s ->
            List.of(
                notFound("GET", "/recordings?call_sid=" + s.callSid),
                notFound("GET", "/recordings?callSid=" + s.callSid)));
    p.put(
        "GET /recording/{sid}",
        s ->
            List.of(
                notFound("GET", "/recording/" + s.recordingSid),
                notFound("GET", "/recording/" + s.recordingSid + ".mp3"),
                notFound("GET", "/recording/" + s.recordingSid + "?format=wav")));
    p.put(
        "GET /transcription",
        s ->
            List.of(
                notFound("GET", "/transcription?recording_sid=" + s.recordingSid),
                notFound("GET", "/transcription?sid=" + s.recordingSid + "&refresh=true")));
    // Audit
    p.put(
        "GET /audit",
        s ->
            List.of(
                nothing("/audit"),
                cursor("/audit?limit=1&next_token=" + Route.encode(s.auditCursor))));
    // Settings and their versions
    for (String setting : List.of("prompt", "func-config", "ext-tools")) {
      p.put("GET /" + setting, s -> List.of(nothing("/" + setting)));
      p.put(
          "GET /" + setting + "/versions",
          s ->
              setting.equals("prompt")
                  ? List.of(
                      nothing("/prompt/versions"),
                      cursor(
                          "/prompt/versions?limit=1&next_token="
                              + Route.encode(s.promptVersionsCursor)))
                  : List.of(nothing("/" + setting + "/versions")));
      p.put(
          "POST /" + setting + "/versions/{n}/restore",
          s -> restores(setting, versionsOf(s, setting)));
    }
    p.put("PUT /prompt", s -> List.of(fresh("PUT", "/prompt", json("content", "B"))));
    p.put(
        "PUT /func-config",
        s ->
            List.of(
                fresh("PUT", "/func-config", "{\"config\": " + TenantSeed.funcConfig("B") + "}")));
    p.put(
        "PUT /ext-tools",
        s -> List.of(fresh("PUT", "/ext-tools", "{\"config\": {\"ext_tools\": []}}")));
    // Chat
    p.put(
        "POST /chat",
        s ->
            List.of(
                claimed(
                    "POST",
                    "/chat",
                    json(
                        "phone_number",
                        s.phone,
                        "call_sid",
                        s.callSid,
                        "user_text",
                        bMarker() + " " + s.taskName)),
                fresh(
                    "POST",
                    "/chat",
                    json(
                        "phone_number",
                        s.phone,
                        "call_sid",
                        s.callSid + "-b",
                        "user_text",
                        bMarker() + " " + s.taskName)),
                fresh(
                    "POST",
                    "/chat",
                    json("phone_number", s.phone, "user_text", bMarker() + " 予約は?"))));
    p.put("GET /chat-logs", s -> List.of(nothing("/chat-logs?minutes=1440")));
    // Ended calls: B may end and read its own calls, never A's.
    p.put(
        "POST /call/end", s -> List.of(nothing("POST", "/call/end", json("call_sid", s.callSid))));
    p.put("GET /call/summary", s -> List.of(nothing("/call/summary?call_sid=" + s.callSid)));
    // B can not end A's call through Twilio's callback without the signature of A's account
    // (recordings/TwilioStatusIT: nor with another account's valid one).
    p.put(
        "POST /twilio/status",
        s ->
            List.of(
                new Probe(
                    "POST",
                    "/twilio/status",
                    "AccountSid=ACwiremocktest&CallStatus=completed&CallSid=" + s.callSid,
                    Set.of(403))));
    // Webhooks
    p.put("GET /webhooks", s -> List.of(nothing("/webhooks")));
    p.put(
        "POST /webhooks",
        s ->
            List.of(
                fresh(
                    "POST",
                    "/webhooks",
                    "{\"url\": \""
                        + LocalStack.get().wiremockUrl()
                        + s.webhookPath
                        + "\", \"events\": [\"call.ended\"]}")));
    p.put("DELETE /webhooks/{id}", s -> List.of(notFound("DELETE", webhook(s))));
    p.put(
        "POST /webhooks/{id}/rotate-secret",
        s -> List.of(notFound("POST", webhook(s) + "/rotate-secret", "{}")));
    p.put("POST /webhooks/{id}/test", s -> List.of(notFound("POST", webhook(s) + "/test", "{}")));
    p.put(
        "GET /webhooks/{id}/deliveries", s -> List.of(notFound("GET", webhook(s) + "/deliveries")));
    p.put("GET /usage", s -> List.of(nothing("/usage")));
    p.put(
        "GET /session-config",
        s -> List.of(nothing("/session-config?phone=" + s.phone + "&call_sid=" + s.callSid)));
    p.put(
        "POST /tools/{name}/invoke",
        s ->
            List.of(
                nothing(
                    "POST",
                    "/tools/get_task/invoke",
                    "{\"phone_number\": \""
                        + s.phone
                        + "\", \"arguments\": {\"name\": \""
                        + s.taskName
                        + "\"}}"),
                nothing(
                    "POST",
                    "/tools/list_tasks/invoke",
                    "{\"phone_number\": \"" + s.phone + "\", \"call_sid\": \"" + s.callSid + "\"}"),
                nothing(
                    "POST",
                    "/tools/update_task/invoke",
                    "{\"phone_number\": \""
                        + s.phone
                        + "\", \"arguments\": {\"name\": \""
                        + s.taskName
                        + "\", \"request\": \"B\"}}"),
                nothing(
                    "POST",
                    "/tools/delete_task/invoke",
                    "{\"phone_number\": \""
                        + s.phone
                        + "\", \"arguments\": {\"name\": \""
                        + s.taskName2
                        + "\"}}")));
    return p;
  }

  private static List<Integer> versionsOf(TenantSeed s, String setting) {
    return switch (setting) {
      case "prompt" -> s.promptVersions;
      case "func-config" -> s.funcConfigVersions;
      default -> s.extToolsVersions;
    };
  }

  /** Restoring A's version numbers as B: 404, or B's own version; then B's setting shows no A. */
  private static List<Probe> restores(String setting, List<Integer> versions) {
    List<Probe> probes = new ArrayList<>();
    for (int version : versions) {
      probes.add(nothing("POST", "/" + setting + "/versions/" + version + "/restore", null));
    }
    probes.add(nothing("/" + setting));
    return probes;
  }

  private static Map<String, Function<TenantSeed, OwnerView>> ownerViews() {
    Map<String, Function<TenantSeed, OwnerView>> v = new LinkedHashMap<>();
    v.put("GET /faqs", s -> new OwnerView("/faqs", s.faqAnswer));
    v.put("GET /faqs/export", s -> new OwnerView("/faqs/export?format=json", s.faqAnswer));
    v.put(
        "GET /faqs/search",
        s -> new OwnerView("/faqs/search?q=" + Route.encode(s.faqQuestion), s.faqAnswer));
    v.put("GET /faqs/usage", s -> new OwnerView("/faqs/usage", s.faqQuestion));
    // A's caller said s.userText, which none of A's FAQs answers.
    v.put("GET /faqs/gaps", s -> new OwnerView("/faqs/gaps", s.userText));
    v.put("GET /faq/{question}", s -> new OwnerView(faq(s), s.faqAnswer));
    v.put("GET /tasks", s -> new OwnerView("/tasks?phone=" + s.phone, s.taskRequest));
    v.put("GET /task/{name}", s -> new OwnerView(task(s), s.taskRequest));
    v.put("GET /calls", s -> new OwnerView("/calls?phone=" + s.phone, s.userText));
    v.put(
        "GET /calls/export",
        s -> new OwnerView("/calls/export?format=jsonl&phone=" + s.phone, s.userText));
    v.put("GET /phones", s -> new OwnerView("/phones", s.phone));
    v.put("GET /call", s -> new OwnerView("/call?call_sid=" + s.callSid, s.userText));
    v.put("GET /callers/{phone}", s -> new OwnerView("/callers/" + s.phone, s.taskRequest));
    v.put(
        "GET /recordings", s -> new OwnerView("/recordings?call_sid=" + s.callSid, s.recordingSid));
    v.put("GET /recording/{sid}", s -> new OwnerView("/recording/" + s.recordingSid, null));
    v.put("GET /audit", s -> new OwnerView("/audit", s.faqQuestion));
    v.put("GET /prompt", s -> new OwnerView("/prompt", s.prompt2));
    v.put("GET /prompt/versions", s -> new OwnerView("/prompt/versions", s.prompt1));
    v.put("GET /func-config", s -> new OwnerView("/func-config", s.instructions));
    v.put("GET /ext-tools", s -> new OwnerView("/ext-tools", s.extToolDescription));
    v.put(
        "GET /call/summary", s -> new OwnerView("/call/summary?call_sid=" + s.callSid, s.userText));
    v.put("GET /webhooks", s -> new OwnerView("/webhooks", s.webhookDescription));
    v.put("GET /webhooks/{id}/deliveries", s -> new OwnerView(webhook(s) + "/deliveries", null));
    v.put("GET /chat-logs", s -> new OwnerView("/chat-logs?minutes=1440", s.chatTs));
    v.put("GET /session-config", s -> new OwnerView("/session-config?phone=" + s.phone, s.prompt2));
    return v;
  }

  private static String faq(TenantSeed s) {
    return "/faq/" + Route.encode(s.faqQuestion);
  }

  private static String webhook(TenantSeed s) {
    return "/webhooks/" + s.webhookId;
  }

  private static String task(TenantSeed s) {
    return "/task/" + Route.encode(s.taskName);
  }

  private static String modelAnswer(String text) {
    return "{\"id\": \"chatcmpl-matrix\", \"object\": \"chat.completion\", \"model\": \"gpt-4o-mini\","
        + " \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \""
        + text
        + "\"}, \"finish_reason\": \"stop\"}],"
        + " \"usage\": {\"prompt_tokens\": 10, \"completion_tokens\": 5, \"total_tokens\": 15}}";
  }
}
