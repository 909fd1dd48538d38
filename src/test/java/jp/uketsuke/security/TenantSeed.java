package jp.uketsuke.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.Tokens;

/**
 * Tenant A's data, created through the API as its owner and the voice server would: every kind of
 * item a route can return, each carrying a marker string no other test writes, plus the opaque
 * handles (cursors, SIDs, versions, audit ids) that must mean nothing to another tenant.
 */
final class TenantSeed {
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String tenantA = "matrix-a-" + run;
  final String tenantB = "matrix-b-" + run;
  final String marker = "MXA" + run;

  final String faqQuestion = "A社の質問" + marker + "q";
  final String faqAnswer = "A社の回答" + marker + "a";
  final String faqQuestion2 = "A社の質問二" + marker + "q2";
  final String taskName = "A社の予約" + marker + "t";
  final String taskName2 = "A社の予約二" + marker + "t2";
  final String taskRequest = "A社の依頼" + marker + "r";
  final String phone = "090" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  final String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
  final String recordingSid = "RE" + UUID.randomUUID().toString().replace("-", "");
  final String userText = "A社の発話" + marker + "u";
  final String assistantText = "A社の応答" + marker + "v";
  final String chatText = "A社の通話" + marker + "c";
  final String prompt1 = "A社の指示一" + marker + "p1";
  final String prompt2 = "A社の指示二" + marker + "p2";
  final String instructions = "A社の道具指示" + marker + "i";
  final String extToolDescription = "A社の外部道具" + marker + "x";
  final String ownerEmail = tenantA + "-owner@example.com";
  final String webhookDescription = "A社のフック" + marker + "w";
  final String webhookPath = "/matrix-hooks/" + marker;

  String webhookId;
  String turnTs;
  String chatTs;
  String callsCursor;
  String faqsCursor;
  String tasksCursor;
  String auditCursor;
  String promptVersionsCursor;
  final List<Integer> promptVersions = new ArrayList<>();
  final List<Integer> funcConfigVersions = new ArrayList<>();
  final List<Integer> extToolsVersions = new ArrayList<>();
  final List<String> auditIds = new ArrayList<>();

  Api a() {
    return Api.as(Tokens.person(tenantA));
  }

  Api b() {
    return Api.as(Tokens.person(tenantB));
  }

  Api voiceA() {
    return Api.as(Tokens.service()).header("x-client-id", tenantA);
  }

  /** Strings of A that no response to B may contain (unless B itself sent them). */
  Set<String> secrets() {
    Set<String> secrets = new LinkedHashSet<>();
    secrets.addAll(
        List.of(
            faqQuestion,
            faqAnswer,
            faqQuestion2,
            taskName,
            taskName2,
            taskRequest,
            phone,
            callSid,
            recordingSid,
            userText,
            assistantText,
            chatText,
            prompt1,
            prompt2,
            instructions,
            extToolDescription,
            ownerEmail,
            webhookDescription,
            webhookPath,
            webhookId,
            tenantA));
    secrets.addAll(auditIds);
    secrets.add(turnTs);
    secrets.add(chatTs);
    return secrets;
  }

  /** Everything A owns, written as A's owner and A's voice server. */
  void create() {
    Api a = a();
    a.post("/faq", json("question", faqQuestion, "answer", faqAnswer)).ok();
    a.post("/faq", json("question", faqQuestion2, "answer", faqAnswer)).ok();
    a.post(
            "/task",
            json(
                "name",
                taskName,
                "phone_number",
                phone,
                "request",
                taskRequest,
                "start_datetime",
                "2030-01-02 10:00"))
        .ok();
    a.post("/task", json("name", taskName2, "phone_number", phone, "request", taskRequest)).ok();
    JsonObject turn =
        voiceA()
            .post(
                "/call",
                json(
                    "phone_number",
                    phone,
                    "call_sid",
                    callSid,
                    "user_text",
                    userText,
                    "assistant_text",
                    assistantText))
            .ok();
    turnTs = turn.getJsonObject("item").getString("ts");
    voiceA()
        .post("/call", json("phone_number", phone, "call_sid", callSid, "user_text", userText))
        .ok();
    a.put("/prompt", json("content", prompt1)).ok();
    a.put("/prompt", json("content", prompt2)).ok();
    a.put("/func-config", "{\"config\": " + funcConfig(instructions) + "}").ok();
    a.put(
            "/ext-tools",
            "{\"config\": {\"ext_tools\": [{\"name\": \"a_weather\", \"description\": \""
                + extToolDescription
                + "\", \"method\": \"GET\", \"url\": \"https://tools.example.com/weather\","
                + " \"parameters\": {\"type\": \"object\", \"properties\": {}}, \"timeout\": 5}]}}")
        .ok();
    voiceA()
        .post("/chat", json("phone_number", phone, "call_sid", callSid, "user_text", chatText))
        .ok();
    chatTs =
        a.get("/call?call_sid=" + callSid).ok().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(item -> chatText.equals(item.getString("user_text", null)))
            .map(item -> item.getString("ts"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("A's chat turn was not stored"));
    voiceA().post("/call/end", json("call_sid", callSid)).ok();
    // Subscribed only to what B's probes cannot cause for A (A's call ended before): nothing is
    // sent during the matrix.
    webhookId =
        a.post(
                "/webhooks",
                "{\"url\": \""
                    + jp.uketsuke.testing.LocalStack.get().wiremockUrl()
                    + webhookPath
                    + "\", \"events\": [\"call.ended\"], \"description\": \""
                    + webhookDescription
                    + "\"}")
            .ok()
            .getJsonObject("item")
            .getString("id");
    // The phone directory is derived from the log within seconds; the probes need it complete.
    Eventually.holds(
        Duration.ofSeconds(10),
        () -> assertThat(a.get("/phones").ok().getJsonArray("items")).hasSize(1));
    collectHandles(a);
  }

  /** The tools both tenants offer, so that B's tool calls reach the task rules, not a 404. */
  static String funcConfig(String instructions) {
    return "{\"tools\": ["
        + tool("get_task")
        + ", "
        + tool("list_tasks")
        + ", "
        + tool("update_task")
        + ", "
        + tool("delete_task")
        + "], \"instructions\": \""
        + instructions
        + "\"}";
  }

  private static String tool(String name) {
    return "{\"type\": \"function\", \"function\": {\"name\": \"" + name + "\"}}";
  }

  private void collectHandles(Api a) {
    callsCursor = cursor(a.get("/calls?limit=1"));
    faqsCursor = cursor(a.get("/faqs?limit=1"));
    tasksCursor = cursor(a.get("/tasks?limit=1"));
    auditCursor = cursor(a.get("/audit?limit=1"));
    promptVersionsCursor = cursor(a.get("/prompt/versions?limit=1"));
    versions(a, "/prompt/versions", promptVersions);
    versions(a, "/func-config/versions", funcConfigVersions);
    versions(a, "/ext-tools/versions", extToolsVersions);
    a.get("/audit?limit=200").ok().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .forEach(entry -> auditIds.add(entry.getString("id")));
    assertThat(auditIds).as("A's audit ids").isNotEmpty();
  }

  private static String cursor(jp.uketsuke.testing.Reply reply) {
    String token = reply.ok().getString("next_token", null);
    assertThat(token).as("a next_token of %s", reply.body()).isNotBlank();
    return token;
  }

  private static void versions(Api a, String path, List<Integer> into) {
    a.get(path).ok().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .forEach(v -> into.add(v.getInt("version")));
    assertThat(into).as("versions at %s", path).isNotEmpty();
  }

  /** A flat JSON object from name/value pairs. */
  static String json(String... pairs) {
    var builder = jakarta.json.Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      builder.add(pairs[i], pairs[i + 1]);
    }
    return builder.build().toString();
  }
}
