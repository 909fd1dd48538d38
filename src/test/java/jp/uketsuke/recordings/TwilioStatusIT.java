package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.WebhookReceivers;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /twilio/status} as Twilio calls it: form-encoded, no bearer token, signed (HMAC-SHA1
 * of the public URL and the sorted parameters, computed here independently of twilio-java) with the
 * auth token of the account. The test server's public base URL differs from the URL it is reached
 * at, as behind a load balancer; its main account serves every tenant without a subaccount, and
 * tenant {@value #SUB_TENANT} has the subaccount {@value #SUB_ACCOUNT} (see the pom's stack).
 */
class TwilioStatusIT {
  static final String PUBLIC_BASE = "https://api.uketsuke.test";
  static final String MAIN_ACCOUNT = "ACwiremocktest";
  static final String MAIN_TOKEN = "wiremock-test-token";
  static final String SUB_TENANT = "twilio-sub-tenant";
  static final String SUB_ACCOUNT = "ACsubaccounttest";
  static final String SUB_TOKEN = "sub-account-test-token";

  private static final WireMock WIREMOCK = LocalStack.get().wiremock();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tenant = "status-" + run;
  private final Api owner = Api.as(Tokens.person(tenant));
  private final String phone = "080" + (10_000_000 + Math.abs(run.hashCode() % 89_999_999));

  @Test
  void aSignedCompletedStatusEndsTheCallOnceAndSendsCallEnded() {
    String path = "/hooks/" + run + "/twilio";
    WebhookReceivers.subscribe(owner, path, "call.ended");
    String callSid = call(owner, tenant, "診察の予約をしたいです");

    JsonObject ringing = status(MAIN_ACCOUNT, MAIN_TOKEN, callSid, "in-progress").ok();
    assertThat(ringing.getBoolean("ended")).isFalse();
    owner.get("/call/summary?call_sid=" + callSid).problem(404);

    assertThat(status(MAIN_ACCOUNT, MAIN_TOKEN, callSid, "completed").ok().getBoolean("ended"))
        .isTrue();
    JsonObject summary =
        owner.get("/call/summary?call_sid=" + callSid).ok().getJsonObject("summary");
    assertThat(summary.getString("caller_intent")).isEqualTo("診察の予約をしたいです");
    // Twilio may send the final status again: the same end, no second event.
    assertThat(status(MAIN_ACCOUNT, MAIN_TOKEN, callSid, "completed").ok().getBoolean("ended"))
        .isTrue();
    var sent =
        Eventually.within(
            Duration.ofSeconds(30),
            () -> {
              var got = WIREMOCK.find(postRequestedFor(urlPathEqualTo(path)));
              assertThat(got).hasSize(1);
              return got;
            });
    JsonObject event =
        Json.createReader(new StringReader(sent.get(0).getBodyAsString())).readObject();
    assertThat(event.getString("type")).isEqualTo("call.ended");
    assertThat(event.getJsonObject("data")).isEqualTo(summary);
  }

  @Test
  void everyFinalStatusEndsTheCall() {
    for (String status : new String[] {"busy", "failed", "no-answer", "canceled"}) {
      String callSid = call(owner, tenant, "もしもし " + status);
      assertThat(status(MAIN_ACCOUNT, MAIN_TOKEN, callSid, status).ok().getBoolean("ended"))
          .as(status)
          .isTrue();
      owner.get("/call/summary?call_sid=" + callSid).ok();
    }
  }

  @Test
  void withoutAValidSignatureNothingHappensAndTheAnswerNamesNoTenant() {
    String callSid = call(owner, tenant, "もしもし");
    Map<String, String> form = form(MAIN_ACCOUNT, callSid, "completed");
    String body = encode(form);
    Reply missing = send(body, null);
    Reply wrongToken = send(body, sign("not-the-token", PUBLIC_BASE + "/twilio/status", form));
    // Signed over the URL this server is reached at, not the configured public one.
    Reply internalUrl = send(body, sign(MAIN_TOKEN, Api.baseUrl() + "/twilio/status", form));
    Map<String, String> tampered = new LinkedHashMap<>(form);
    Reply changed =
        send(
            encode(Map.of("AccountSid", MAIN_ACCOUNT, "CallSid", callSid, "CallStatus", "busy")),
            sign(MAIN_TOKEN, PUBLIC_BASE + "/twilio/status", tampered));
    Map<String, String> unknown = form("ACunknownaccount", callSid, "completed");
    Reply unknownAccount =
        send(encode(unknown), sign(MAIN_TOKEN, PUBLIC_BASE + "/twilio/status", unknown));

    for (Reply refused : new Reply[] {missing, wrongToken, internalUrl, changed, unknownAccount}) {
      JsonObject problem = refused.problem(403);
      assertThat(problem.getString("detail"))
          .isEqualTo(missing.problem(403).getString("detail"))
          .doesNotContain(tenant);
    }
    owner.get("/call/summary?call_sid=" + callSid).problem(404);
  }

  @Test
  void anAccountCannotEndTheCallOfATenantItDoesNotServe() {
    Api sub = Api.as(Tokens.person(SUB_TENANT));
    String mainCall = call(owner, tenant, "main account call");
    String subCall = call(sub, SUB_TENANT, "sub account call");

    // The subaccount's valid signature, for a call of a tenant on the main account: not its call.
    assertThat(status(SUB_ACCOUNT, SUB_TOKEN, mainCall, "completed").ok().getBoolean("ended"))
        .isFalse();
    assertThat(status(MAIN_ACCOUNT, MAIN_TOKEN, subCall, "completed").ok().getBoolean("ended"))
        .isFalse();
    owner.get("/call/summary?call_sid=" + mainCall).problem(404);
    sub.get("/call/summary?call_sid=" + subCall).problem(404);
    // The same answer as for a call nobody logged.
    assertThat(status(MAIN_ACCOUNT, MAIN_TOKEN, "CAnobody" + run, "completed").ok().toString())
        .isEqualTo(status(SUB_ACCOUNT, SUB_TOKEN, mainCall, "completed").ok().toString());

    assertThat(status(SUB_ACCOUNT, SUB_TOKEN, subCall, "completed").ok().getBoolean("ended"))
        .isTrue();
    sub.get("/call/summary?call_sid=" + subCall).ok();
  }

  /** A call with one turn, logged through the API by the tenant's own person. */
  private String call(Api api, String tenantId, String said) {
    String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
    api.post(
            "/call",
            Json.createObjectBuilder()
                .add("phone_number", phone)
                .add("call_sid", callSid)
                .add("user_text", said)
                .build()
                .toString())
        .ok();
    return callSid;
  }

  private Reply status(String account, String token, String callSid, String callStatus) {
    Map<String, String> form = form(account, callSid, callStatus);
    return send(encode(form), sign(token, PUBLIC_BASE + "/twilio/status", form));
  }

  private Map<String, String> form(String account, String callSid, String callStatus) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", account);
    form.put("CallSid", callSid);
    form.put("CallStatus", callStatus);
    form.put("From", "+81" + phone.substring(1));
    form.put("To", "+815000000000");
    form.put("Direction", "inbound");
    form.put("ApiVersion", "2010-04-01");
    form.put("CallDuration", "42");
    return form;
  }

  private static Reply send(String body, String signature) {
    Api api = Api.anonymous().header("Content-Type", "application/x-www-form-urlencoded");
    if (signature != null) {
      api.header("X-Twilio-Signature", signature);
    }
    return api.send("POST", "/twilio/status", BodyPublishers.ofString(body));
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> url(e.getKey()) + "=" + url(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String url(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Twilio's scheme: base64(HMAC-SHA1(token, url + each name and value, sorted by name)). */
  static String sign(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
