package jp.uketsuke.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.uketsuke.settings.Configs;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the server's logs hold after requests that carry tokens, secrets and callers' numbers: every
 * line written during a request names its request id and tenant, and no token, API key, Twilio
 * credential or unmasked phone number appears in any log file.
 */
class LogHygieneIT {
  static final String TENANT = "log-hygiene";

  /** A caller's number as the voice server sends it, and the forms it may take inside the API. */
  static final String PHONE = "+81 90-4817-2635";

  static final List<String> PHONE_FORMS =
      List.of(PHONE, "09048172635", "819048172635", "9048172635", "48172635", "4817-2635");

  static final String MODEL_ANSWER =
      """
      {"id": "chatcmpl-log", "object": "chat.completion", "model": "gpt-4o-mini",
       "choices": [{"index": 0, "finish_reason": "stop",
                    "message": {"role": "assistant", "content": "承知しました。"}}],
       "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}}""";

  static String token;
  static String serviceToken;
  static String strangerToken;
  static final String chatId = "loghyg-chat-" + UUID.randomUUID();
  static final String callerId = "loghyg-caller-" + UUID.randomUUID();
  static final String callsId = "loghyg-calls-" + UUID.randomUUID();
  static final String pagedId = "loghyg-paged-" + UUID.randomUUID();
  static final String serviceId = "loghyg-svc-" + UUID.randomUUID();
  static final String settingsId = "loghyg-settings-" + UUID.randomUUID();
  static final String strangerId = "loghyg-bad-" + UUID.randomUUID();

  /** Sends the requests once; the tests judge what they left in the logs. */
  @BeforeAll
  static void requestsWithSecretsAndNumbers() {
    token = Tokens.person(TENANT);
    serviceToken = Tokens.service();
    strangerToken = Tokens.signWithUnknownKey(Tokens.idToken(TENANT));
    Api owner = Api.as(token);
    owner.put("/prompt", "{\"content\": \"Receptionist. marker:" + TENANT + "|\"}").ok();

    WireMock wm = LocalStack.get().wiremock();
    // The model answers: a failing one here would count against the circuit breaker that every
    // chat test shares.
    StubMapping model =
        wm.register(
            post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("marker:" + TENANT + "|"))
                .willReturn(okJson(MODEL_ANSWER)));
    try {
      String body =
          "{\"phone_number\": \""
              + PHONE
              + "\", \"user_text\": \"予約したい\", \"call_sid\": \"CAlog\"}";
      // Two turns of the caller, so that their calls come in two pages below.
      for (String id : List.of(chatId, chatId + "-2")) {
        Reply chat =
            Api.as(serviceToken)
                .header("x-client-id", TENANT)
                .header("X-Request-Id", id)
                .post("/chat", body);
        assertThat(chat.status()).as(chat.body()).isEqualTo(200);
        assertThat(chat.json().getString("mode")).isEqualTo("llm");
        assertThat(chat.header("X-Request-Id")).isEqualTo(id);
      }
    } finally {
      wm.removeStubMapping(model);
    }
    // A stored setting that is not JSON: the settings code warns while serving the request.
    Configs.putRaw(TENANT, "functions", AttributeValue.fromS("{not json"));
    owner.header("X-Request-Id", settingsId).get("/func-config").ok();
    String encoded = URLEncoder.encode(PHONE, StandardCharsets.UTF_8);
    Api.as(token).header("X-Request-Id", callerId).get("/callers/" + pathSegment(PHONE)).ok();
    Api.as(token).header("X-Request-Id", callsId).get("/calls?phone=" + encoded).ok();
    String nextToken =
        Api.as(token).get("/calls?limit=1&phone=" + encoded).ok().getString("next_token");
    JsonObject secondPage =
        Api.as(token)
            .header("X-Request-Id", pagedId)
            .get("/calls?limit=1&phone=" + encoded + "&next_token=" + nextToken)
            .ok();
    assertThat(secondPage.getJsonArray("items")).hasSize(1);
    Api.as(serviceToken)
        .header("x-client-id", TENANT)
        .header("X-Request-Id", serviceId)
        .get("/me")
        .ok();
    Api.as(strangerToken).header("X-Request-Id", strangerId).get("/me").problem(401);
  }

  @Test
  void theNumberReallyReachedTheServerAndWasStored() {
    var turns =
        RawDynamo.client()
            .query(
                b ->
                    b.tableName(RawDynamo.table("logs"))
                        .keyConditionExpression("client_id = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(TENANT))))
            .items();
    assertThat(turns).extracting(t -> t.get("phone_number").s()).contains("09048172635");
    assertThat(turns).extracting(t -> t.get("user_text").s()).contains("予約したい");
    JsonObject timeline = Api.as(token).get("/callers/" + pathSegment(PHONE)).ok();
    assertThat(timeline.getString("phone_number")).isEqualTo("09048172635");
  }

  @Test
  void everyLineOfARequestNamesItsRequestIdAndTenant() {
    List<JsonObject> records =
        ServerLogs.awaitRecords(
            r ->
                serviceId.equals(r.getString("ext_request_id", null))
                    && "liberty_accesslog".equals(r.getString("type", "")),
            "the access log entry of " + serviceId);
    for (String id : List.of(chatId, callerId, callsId, pagedId, serviceId, settingsId)) {
      List<JsonObject> ofRequest = ofRequest(records, id);
      assertThat(ofRequest)
          .as("log records of %s", id)
          .extracting(r -> r.getString("type"))
          .contains("liberty_message", "liberty_accesslog");
      assertThat(ofRequest)
          .as("log records of %s", id)
          .allSatisfy(r -> assertThat(r.getString("ext_tenant", null)).isEqualTo(TENANT));
    }
    // A line written by the settings code, not by the plumbing, carries them too.
    assertThat(ofRequest(records, settingsId))
        .extracting(r -> r.getString("message", ""))
        .anyMatch(m -> m.contains("holds text that is not JSON"));
    // A request without a valid token has an id and no tenant.
    assertThat(ofRequest(records, strangerId))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.containsKey("ext_tenant")).isFalse());
  }

  @Test
  void theRequestLineShowsThePathWithTheNumberMasked() {
    List<JsonObject> records =
        ServerLogs.awaitRecords(
            r ->
                callerId.equals(r.getString("ext_request_id", null))
                    && "liberty_message".equals(r.getString("type", "")),
            "the request line of " + callerId);
    assertThat(ofRequest(records, callerId))
        .extracting(r -> r.getString("message", ""))
        .anyMatch(m -> m.startsWith("GET /callers/819*******35 200 "))
        .noneMatch(m -> m.contains("4817"));
  }

  /**
   * A {@code next_token} is logged as sent; it holds the DynamoDB key of the caller's turns, which
   * begins with the number, so it must carry it in no form the mask cannot see: not in plain text,
   * not base64-encoded at any alignment, not readable when the token is decoded.
   */
  @Test
  void aPagedRequestsLineShowsNoFormOfTheNumberInItsToken() {
    List<JsonObject> records =
        ServerLogs.awaitRecords(
            r ->
                pagedId.equals(r.getString("ext_request_id", null))
                    && "liberty_message".equals(r.getString("type", "")),
            "the request line of " + pagedId);
    String line =
        ofRequest(records, pagedId).stream()
            .map(r -> r.getString("message", ""))
            .filter(m -> m.startsWith("GET /calls?"))
            .findFirst()
            .orElseThrow();
    Matcher token = Pattern.compile("next_token=([A-Za-z0-9_.=-]+)").matcher(line);
    assertThat(token.find()).as("the token in %s", line).isTrue();
    String decoded =
        java.util.Arrays.stream(token.group(1).split("\\."))
            .map(
                part ->
                    new String(
                        java.util.Base64.getUrlDecoder().decode(part.replace("=", "")),
                        StandardCharsets.ISO_8859_1))
            .collect(java.util.stream.Collectors.joining("|"));
    assertThat(line).doesNotContain(PHONE_FORMS);
    assertThat(decoded).doesNotContain(PHONE_FORMS);
    for (String form : PHONE_FORMS) {
      assertThat(line).doesNotContain(PageTokensTest.base64Forms(form));
    }
  }

  @Test
  void noTokenSecretOrUnmaskedNumberIsInAnyLogFile() {
    ServerLogs.awaitRecords(
        r -> strangerId.equals(r.getString("ext_request_id", null)),
        "the records of " + strangerId);
    Map<String, String> secrets = configuredSecrets();
    assertThat(secrets).containsKeys("uketsuke.openai.api-key", "uketsuke.twilio.auth-token");
    List<Path> files = ServerLogs.files();
    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .contains("console.log", "messages.log");
    for (Path file : files) {
      String text = String.join("\n", ServerLogs.lines(file));
      assertThat(text)
          .as("%s", file)
          .doesNotContain(token, serviceToken, strangerToken)
          .doesNotContain(secrets.values())
          .doesNotContain(PHONE_FORMS)
          .doesNotContainIgnoringCase("Bearer ey");
    }
  }

  private static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<JsonObject> ofRequest(List<JsonObject> records, String requestId) {
    return records.stream()
        .filter(r -> requestId.equals(r.getString("ext_request_id", null)))
        .toList();
  }

  /** The OpenAI key and Twilio credentials the local stack gave the server. */
  static Map<String, String> configuredSecrets() {
    Path overrides = ServerLogs.folder().getParent().resolve("configDropins/overrides");
    Pattern variable = Pattern.compile("<variable name=\"([^\"]+)\" value=\"([^\"]*)\"");
    java.util.HashMap<String, String> secrets = new java.util.HashMap<>();
    try (var xmls = Files.list(overrides)) {
      for (Path xml : xmls.toList()) {
        Matcher m = variable.matcher(Files.readString(xml));
        while (m.find()) {
          if (m.group(1).endsWith("api-key")
              || m.group(1).endsWith("auth-token")
              || m.group(1).endsWith("cursor.secret")) {
            secrets.put(m.group(1), m.group(2));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return secrets;
  }
}
