import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The reference side of the route measurements (issue 16): the thinnest JVM service doing a
 * measured route's work, with no framework. JDK {@code HttpServer} (TCP_NODELAY through {@code
 * sun.net.httpserver.nodelay}, a fixed pool of threads), the RS256 Cognito ID token verified with
 * JDK crypto against the same JWKS (signature, issuer, expiry, token_use, audience, tenant claim —
 * what mpJwt and tenant.TokenRules check), the same store calls with the same AWS SDK and apache5
 * client configuration as platform.DynamoClients (Dynamo.client), and the same JSON out (Jackson).
 *
 * <ul>
 *   <li>{@code GET /faq/{q}}: one consistent GetItem on app-faq, as FaqStore.find.
 *   <li>{@code GET /faqs/search?q=&k=}: the FAQ version read (GetItem on app-prompts), then the
 *       service's own in-memory index (jp.uketsuke.faq.FaqIndex from target/classes, built once per
 *       tenant and version from a Query of app-faq), as FaqRetriever.
 *   <li>{@code POST /chat}: BatchGetItem of the settings and the FAQ version, the FAQ retrieval,
 *       the history Query, the model call (JDK HttpClient) and the turn's conditional PutItem.
 * </ul>
 *
 * <pre>
 * java -cp "$WORK/classes:target/classes:$(cat target/bench/classpath.txt)" Reference --port P
 *     --dynamo URL --jwks URL --issuer ISS --audience CLIENT_ID [--model URL/v1] [--threads 32]
 * </pre>
 *
 * Prints "listening PORT" when it serves. Loopback only.
 */
public class Reference {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final long CLOCK_SKEW_SECONDS = 30;
  static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

  final DynamoDbClient dynamo;
  final Map<String, PublicKey> keys;
  final String issuer;
  final String audience;
  final URI model;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final Map<String, Index> indexes = new ConcurrentHashMap<>();
  final AtomicLong sequence = new AtomicLong();

  record Index(long version, Object index) {}

  Reference(
      DynamoDbClient dynamo,
      Map<String, PublicKey> keys,
      String issuer,
      String audience,
      URI model) {
    this.dynamo = dynamo;
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
    this.model = model;
  }

  public static void main(String[] args) throws Exception {
    // TCP_NODELAY on every accepted connection (read once, when the JDK's server first loads).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Map<String, List<String>> o = Dynamo.options(withCommand(args));
    int port = Integer.parseInt(Dynamo.one(o, "port", "0"));
    int threads = Integer.parseInt(Dynamo.one(o, "threads", "32"));
    String model = Dynamo.one(o, "model", "");
    Reference ref =
        new Reference(
            Dynamo.client(Dynamo.one(o, "dynamo", null), 64),
            jwks(URI.create(Dynamo.one(o, "jwks", null))),
            Dynamo.one(o, "issuer", null),
            Dynamo.one(o, "audience", null),
            model.isEmpty() ? null : URI.create(model.replaceAll("/$", "") + "/chat/completions"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    server.createContext("/", ref::handle);
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.start();
    System.out.println("listening " + server.getAddress().getPort());
    System.out.flush();
  }

  /** Dynamo.options skips its first argument (the command). */
  private static String[] withCommand(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  // ------------------------------------------------------------------ HTTP

  void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String tenant = tenantOf(ex.getRequestHeaders().getFirst("Authorization"));
      if (tenant == null) {
        send(ex, 401, problem(401, "A valid bearer token is required."));
        return;
      }
      String path = ex.getRequestURI().getRawPath();
      String method = ex.getRequestMethod();
      if ("GET".equals(method) && path.startsWith("/faq/")) {
        faq(ex, tenant, URLDecoder.decode(path.substring(5), StandardCharsets.UTF_8));
      } else if ("GET".equals(method) && path.equals("/faqs/search")) {
        search(ex, tenant, query(ex.getRequestURI().getRawQuery()));
      } else if ("POST".equals(method) && path.equals("/chat")) {
        chat(ex, tenant, JSON.readTree(ex.getRequestBody()));
      } else {
        send(ex, 404, problem(404, "No such route."));
      }
    } catch (RuntimeException e) {
      System.err.println("Reference: " + e);
      send(ex, 500, problem(500, "Internal error."));
    }
  }

  static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders()
        .set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static ObjectNode problem(int status, String detail) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "about:blank");
    p.put("status", status);
    p.put("detail", detail);
    return p;
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          q.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  // ------------------------------------------------------------------ token

  static Map<String, PublicKey> jwks(URI uri) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    Map<String, PublicKey> keys = new HashMap<>();
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    for (JsonNode k : JSON.readTree(r.body()).path("keys")) {
      if ("RSA".equals(k.path("kty").asText())) {
        keys.put(
            k.path("kid").asText(),
            rsa.generatePublic(
                new RSAPublicKeySpec(
                    unsigned(k.path("n").asText()), unsigned(k.path("e").asText()))));
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException("no RSA key at " + uri);
    }
    return keys;
  }

  private static BigInteger unsigned(String base64url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
  }

  /** The tenant of a valid console ID token, or null. */
  String tenantOf(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String token = authorization.substring(7);
    int a = token.indexOf('.');
    int b = token.indexOf('.', a + 1);
    if (a < 0 || b < 0) {
      return null;
    }
    try {
      Base64.Decoder d = Base64.getUrlDecoder();
      JsonNode header = JSON.readTree(d.decode(token.substring(0, a)));
      PublicKey key = keys.get(header.path("kid").asText());
      if (key == null || !"RS256".equals(header.path("alg").asText())) {
        return null;
      }
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update(token.substring(0, b).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(d.decode(token.substring(b + 1)))) {
        return null;
      }
      JsonNode claims = JSON.readTree(d.decode(token.substring(a + 1, b)));
      long now = Instant.now().getEpochSecond();
      if (!issuer.equals(claims.path("iss").asText())
          || claims.path("exp").asLong(0) + CLOCK_SKEW_SECONDS < now
          || !"id".equals(claims.path("token_use").asText())
          || !audienceHas(claims.path("aud"))) {
        return null;
      }
      String tenant = claims.path("custom:tenant_id").asText("");
      return TENANT_ID.matcher(tenant).matches() ? tenant : null;
    } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private boolean audienceHas(JsonNode aud) {
    if (aud.isArray()) {
      for (JsonNode one : aud) {
        if (audience.equals(one.asText())) {
          return true;
        }
      }
      return false;
    }
    return audience.equals(aud.asText());
  }

  // ------------------------------------------------------------------ routes

  void faq(HttpExchange ex, String tenant, String question) throws IOException {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                b ->
                    b.tableName("app-faq")
                        .key(Map.of("client_id", s(tenant), "question", s(question)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      send(ex, 404, problem(404, "No FAQ with this question."));
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("ok", true);
    ObjectNode faq = out.putObject("item");
    faq.put("question", str(item, "question"));
    faq.put("answer", str(item, "answer"));
    faq.put("created_at", str(item, "created_at"));
    faq.put("updated_at", str(item, "updated_at"));
    send(ex, 200, out);
  }

  void search(HttpExchange ex, String tenant, Map<String, String> q) throws IOException {
    String text = q.get("q");
    if (text == null || text.isBlank()) {
      send(ex, 400, problem(400, "q must be a non-blank text."));
      return;
    }
    int k = q.containsKey("k") ? Integer.parseInt(q.get("k")) : 8;
    Map<String, AttributeValue> v =
        dynamo
            .getItem(
                b ->
                    b.tableName("app-prompts")
                        .key(Map.of("client_id", s(tenant), "id", s("faq-version")))
                        .consistentRead(true))
            .item();
    ObjectNode out = JSON.createObjectNode();
    out.put("ok", true);
    ArrayNode items = out.putArray("items");
    for (Object match : topK(tenant, version(v), text, k)) {
      ObjectNode hit = items.addObject();
      Object faq = call(match, "faq");
      hit.put("question", (String) call(faq, "question"));
      hit.put("answer", (String) call(faq, "answer"));
      hit.put("score", (Double) call(match, "score"));
      hit.put("confidence", (Double) call(match, "confidence"));
    }
    send(ex, 200, out);
  }

  void chat(HttpExchange ex, String tenant, JsonNode body) throws IOException {
    String phone = body.path("phone_number").asText("");
    String userText = body.path("user_text").asText("");
    if (phone.isEmpty() || userText.isBlank()) {
      send(ex, 400, problem(400, "phone_number and user_text are required."));
      return;
    }
    // 1. settings and FAQ version, one BatchGetItem
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String id : List.of("system", "functions", "ext-tools", "faq-version")) {
      keys.add(Map.of("client_id", s(tenant), "id", s(id)));
    }
    List<Map<String, AttributeValue>> settings =
        dynamo
            .batchGetItem(
                b ->
                    b.requestItems(
                        Map.of(
                            "app-prompts",
                            KeysAndAttributes.builder().keys(keys).consistentRead(true).build())))
            .responses()
            .getOrDefault("app-prompts", List.of());
    String system = "";
    long version = 0;
    for (Map<String, AttributeValue> item : settings) {
      String id = str(item, "id");
      if ("system".equals(id)) {
        system = str(item, "content");
      } else if ("faq-version".equals(id)) {
        version = version(item);
      }
    }
    // 2. retrieval, in memory
    StringBuilder prompt = new StringBuilder(system == null ? "" : system);
    List<?> faqs = topK(tenant, version, userText, 8);
    if (!faqs.isEmpty()) {
      prompt.append("\n\n## FAQ\n");
      for (Object match : faqs) {
        Object faq = call(match, "faq");
        prompt
            .append("Q: ")
            .append(call(faq, "question"))
            .append("\nA: ")
            .append(call(faq, "answer"))
            .append("\n\n");
      }
    }
    // 3. history: the phone's latest 20 turns
    List<Map<String, AttributeValue>> history =
        dynamo
            .query(
                b ->
                    b.tableName("app-logs")
                        .keyConditionExpression("client_id = :t AND begins_with(sk, :p)")
                        .expressionAttributeValues(Map.of(":t", s(tenant), ":p", s(phone + "#")))
                        .scanIndexForward(false)
                        .limit(20))
            .items();
    ObjectNode request = JSON.createObjectNode();
    request.put("model", "gpt-4o-mini");
    ArrayNode messages = request.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.toString());
    for (int i = history.size() - 1; i >= 0; i--) {
      Map<String, AttributeValue> turn = history.get(i);
      if (str(turn, "user_text") != null) {
        messages.addObject().put("role", "user").put("content", str(turn, "user_text"));
      }
      if (str(turn, "assistant_text") != null) {
        messages.addObject().put("role", "assistant").put("content", str(turn, "assistant_text"));
      }
    }
    messages.addObject().put("role", "user").put("content", userText);
    // 4. the model
    String reply;
    try {
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(model)
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer sk-bench-stub")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        reply = JSON.readTree(in).path("choices").path(0).path("message").path("content").asText();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    // 5. the turn, conditional put
    String ts = TS.format(Instant.now().plusNanos(1000 * (sequence.incrementAndGet() % 1000)));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", s(tenant));
    item.put("sk", s(phone + "#" + ts));
    item.put("phone_number", s(phone));
    item.put("ts", s(ts));
    item.put("user_text", s(userText));
    item.put("assistant_text", s(reply));
    item.put("mode", s("llm"));
    dynamo.putItem(
        b -> b.tableName("app-logs").item(item).conditionExpression("attribute_not_exists(sk)"));
    ObjectNode out = JSON.createObjectNode();
    out.put("ok", true);
    out.put("reply", reply);
    out.put("mode", "llm");
    send(ex, 200, out);
  }

  // ------------------------------------------------------------------ FAQ index (the service's)

  private static final Method BUILD;
  private static final Method TOP_K;
  private static final java.lang.reflect.Constructor<?> FAQ_ITEM;

  static {
    try {
      Class<?> index = Class.forName("jp.uketsuke.faq.FaqIndex");
      BUILD = index.getDeclaredMethod("build", long.class, List.class);
      BUILD.setAccessible(true);
      TOP_K = index.getDeclaredMethod("topK", String.class, int.class);
      TOP_K.setAccessible(true);
      FAQ_ITEM =
          Class.forName("jp.uketsuke.faq.FaqItem")
              .getDeclaredConstructor(String.class, String.class, String.class, String.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(
          "the service's FAQ index is not on the classpath (target/classes): " + e);
    }
  }

  /** The tenant's index at this version, built from a Query of app-faq when it moved. */
  List<?> topK(String tenant, long version, String text, int k) {
    Index index = indexes.get(tenant);
    if (index == null || index.version() != version) {
      List<Object> items = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        QueryResponse page =
            dynamo.query(
                b ->
                    b.tableName("app-faq")
                        .keyConditionExpression("client_id = :t")
                        .expressionAttributeValues(Map.of(":t", s(tenant)))
                        .exclusiveStartKey(from));
        for (Map<String, AttributeValue> item : page.items()) {
          try {
            items.add(
                FAQ_ITEM.newInstance(
                    str(item, "question"),
                    str(item, "answer"),
                    str(item, "created_at"),
                    str(item, "updated_at")));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (start != null);
      try {
        index = new Index(version, BUILD.invoke(null, version, items));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      indexes.put(tenant, index);
    }
    try {
      return (List<?>) TOP_K.invoke(index.index(), text, k);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static long version(Map<String, AttributeValue> item) {
    if (item == null || item.get("version") == null || item.get("version").n() == null) {
      return 0;
    }
    return Long.parseLong(item.get("version").n());
  }

  private static final Map<String, Method> ACCESSORS = new ConcurrentHashMap<>();

  /** A record component of the service's classes. */
  static Object call(Object target, String accessor) {
    Method m =
        ACCESSORS.computeIfAbsent(
            target.getClass().getName() + "." + accessor,
            key -> {
              try {
                Method found = target.getClass().getDeclaredMethod(accessor);
                found.setAccessible(true);
                return found;
              } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }
}
