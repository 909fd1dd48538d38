package jp.uketsuke.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static jp.uketsuke.chat.ChatTables.s;
import static jp.uketsuke.chat.ModelStub.answer;
import static jp.uketsuke.chat.ModelStub.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /chat}: the model's answer, its tools, and answers without it; every turn stored. */
class ChatIT {
  static final String TASK_TOOLS =
      """
      {"config": {"instructions": "Use the task tools.", "tools": [
        {"type": "function", "function": {"name": "create_task", "description": "Book",
          "parameters": {"type": "object", "properties": {"name": {"type": "string"},
            "start_datetime": {"type": "string"}}, "required": ["name"]}}},
        {"type": "function", "function": {"name": "list_tasks", "description": "List",
          "parameters": {"type": "object", "properties": {}}}},
        {"type": "function", "function": {"name": "get_task", "description": "Get",
          "parameters": {"type": "object", "properties": {"name": {"type": "string"}}}}},
        {"type": "function", "function": {"name": "update_task", "description": "Change",
          "parameters": {"type": "object", "properties": {"name": {"type": "string"},
            "address": {"type": "string"}}}}},
        {"type": "function", "function": {"name": "delete_task", "description": "Cancel",
          "parameters": {"type": "object", "properties": {"name": {"type": "string"}}}}}]}}
      """;

  /** A tenant whose prompt carries its name, so the model stubs can tell its requests apart. */
  static Api tenant(String name) {
    Api owner = Api.as(Tokens.person(name));
    owner.put("/prompt", "{\"content\": \"You are the receptionist. marker:" + name + "|\"}").ok();
    return owner;
  }

  static String chat(String phone, String text, String callSid) {
    var body = Json.createObjectBuilder().add("phone_number", phone).add("user_text", text);
    if (callSid != null) {
      body.add("call_sid", callSid);
    }
    return body.build().toString();
  }

  @Test
  void aPlainAnswerComesFromTheModelAndTheTurnIsStoredWithModeModelAndTokens() {
    Api owner = tenant("chat-plain");
    try (ModelStub model = new ModelStub("marker:chat-plain")) {
      model.add(
          model
              .request()
              .withHeader("Authorization", equalTo("Bearer sk-wiremock-test"))
              .willReturn(answer("はい、営業しております。", 30, 12)));
      JsonObject reply =
          owner.post("/chat", chat("+81 90-1234-5678", "今日は営業していますか", "CAplain")).ok();
      assertThat(reply.getString("reply")).isEqualTo("はい、営業しております。");
      assertThat(reply.getString("mode")).isEqualTo("llm");

      JsonObject sent = model.requests().get(0);
      assertThat(sent.getString("model")).isEqualTo("gpt-4o-mini");
      List<JsonObject> messages = sent.getJsonArray("messages").getValuesAs(JsonObject.class);
      assertThat(messages.get(0).getString("role")).isEqualTo("system");
      assertThat(messages.get(messages.size() - 1).getString("content")).isEqualTo("今日は営業していますか");
    }
    Map<String, AttributeValue> turn = ChatTables.turns("chat-plain").get(0);
    assertThat(s(turn, "phone_number")).isEqualTo("09012345678");
    assertThat(s(turn, "user_text")).isEqualTo("今日は営業していますか");
    assertThat(s(turn, "assistant_text")).isEqualTo("はい、営業しております。");
    assertThat(s(turn, "call_sid")).isEqualTo("CAplain");
    assertThat(s(turn, "mode")).isEqualTo("llm");
    assertThat(s(turn, "model")).isEqualTo("gpt-4o-mini");
    assertThat(s(turn, "tokens_in")).isEqualTo("30");
    assertThat(s(turn, "tokens_out")).isEqualTo("12");
    assertThat(Long.parseLong(s(turn, "latency_ms"))).isNotNegative();
  }

  @Test
  void aToolRoundCreatesTheTaskForTheCallerAndTheModelThenAnswers() {
    Api owner = tenant("chat-tool");
    owner.put("/func-config", TASK_TOOLS).ok();
    try (ModelStub model = new ModelStub("marker:chat-tool")) {
      model.inTurn(
          toolCalls(
              "create_task", "{\"name\": \"山田 10時\", \"start_datetime\": \"2025-12-01 10:00\"}"),
          answer("ご予約を承りました。", 40, 8));
      JsonObject reply = owner.post("/chat", chat("090-1111-2222", "明日10時に予約したい", "CAtool")).ok();
      assertThat(reply.getString("reply")).isEqualTo("ご予約を承りました。");
      assertThat(reply.getString("mode")).isEqualTo("llm");

      List<JsonObject> sent = model.requests();
      assertThat(sent).hasSize(2);
      assertThat(sent.get(0).getJsonArray("tools")).hasSize(5);
      JsonObject toolResult =
          sent.get(1).getJsonArray("messages").getValuesAs(JsonObject.class).stream()
              .filter(m -> m.getString("role").equals("tool"))
              .findFirst()
              .orElseThrow();
      assertThat(toolResult.getString("tool_call_id")).isEqualTo("call_0");
      assertThat(toolResult.getString("content")).contains("\"ok\":true");
    }
    JsonObject task = owner.get("/task/" + enc("山田 10時")).ok().getJsonObject("item");
    assertThat(task.getString("phone_number")).isEqualTo("09011112222");
    assertThat(task.getString("call_sid")).isEqualTo("CAtool");
    assertThat(task.getString("created_by")).isEqualTo("assistant");
    assertThat(task.getString("start_datetime")).isEqualTo("2025-12-01 10:00");
    Map<String, AttributeValue> turn = ChatTables.turns("chat-tool").get(0);
    assertThat(turn.get("tools").l()).extracting(AttributeValue::s).containsExactly("create_task");
    assertThat(s(turn, "tokens_in")).isEqualTo("60");
  }

  @Test
  void severalToolRoundsFeedEachResultBackAndAnExistingNameIsAnErrorTheModelCanActOn() {
    Api owner = tenant("chat-rounds");
    owner.put("/func-config", TASK_TOOLS).ok();
    owner.post("/task", "{\"name\": \"taken\", \"phone_number\": \"0800000000\"}").ok();
    try (ModelStub model = new ModelStub("marker:chat-rounds")) {
      model.inTurn(
          toolCalls("create_task", "{\"name\": \"taken\"}"),
          toolCalls("create_task", "{\"name\": \"taken-2\"}", "list_tasks", "{}"),
          answer("taken-2 で承りました。", 10, 5));
      JsonObject reply = owner.post("/chat", chat("0312345678", "予約", null)).ok();
      assertThat(reply.getString("reply")).isEqualTo("taken-2 で承りました。");

      List<JsonObject> sent = model.requests();
      assertThat(sent).hasSize(3);
      assertThat(toolContents(sent.get(1)))
          .singleElement()
          .asString()
          .contains("\"ok\":false", "already exists");
      List<String> third = toolContents(sent.get(2));
      assertThat(third).hasSize(3);
      assertThat(third.get(2)).contains("taken-2").doesNotContain("\"taken\"");
    }
    JsonObject kept = owner.get("/task/taken").ok().getJsonObject("item");
    assertThat(kept.getString("phone_number")).isEqualTo("0800000000");
    assertThat(owner.get("/task/taken-2").ok().getJsonObject("item").getString("phone_number"))
        .isEqualTo("0312345678");
  }

  @Test
  void aToolSchemaFullOfNumbersReachesTheModelExactly() {
    Api owner = tenant("chat-numbers");
    String parameters =
        "{\"type\":\"object\",\"properties\":{\"people\":{\"type\":\"integer\",\"minimum\":1,"
            + "\"maximum\":12},\"budget\":{\"type\":\"number\",\"multipleOf\":1.5,"
            + "\"maximum\":123456789012345678901234567890}}}";
    owner
        .put(
            "/func-config",
            "{\"config\": {\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"quote\","
                + " \"parameters\": "
                + parameters
                + "}}]}}")
        .ok();
    try (ModelStub model = new ModelStub("marker:chat-numbers")) {
      model.always(answer("見積もります。", 1, 1));
      owner.post("/chat", chat("0311112222", "見積もり", null)).ok();
      String body = model.rawRequests().get(0);
      assertThat(body)
          .containsPattern("\"minimum\":1[,}]")
          .containsPattern("\"maximum\":12[,}]")
          .containsPattern("\"multipleOf\":1.5[,}]")
          .containsPattern("\"maximum\":123456789012345678901234567890[,}]")
          .doesNotContain("1.0,", "12.0", "E+");
    }
  }

  @Test
  void anExtToolIsOfferedToTheModelAndAForbiddenAddressComesBackAsAToolError() {
    Api owner = tenant("chat-ext");
    String extTools =
        "{\"ext_tools\": [{\"name\": \"lookup\", \"description\": \"Look up\", \"method\": \"GET\","
            + " \"url\": \"http://169.254.169.254/latest/meta-data/{{q}}\", \"parameters\":"
            + " {\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"string\"}}}}]}";
    // Written as the old backend did (a JSON string), past the checks a save through the API makes.
    jp.uketsuke.testing.RawDynamo.client()
        .putItem(
            b ->
                b.tableName(jp.uketsuke.testing.RawDynamo.table("prompts"))
                    .item(
                        Map.of(
                            "client_id", AttributeValue.fromS("chat-ext"),
                            "id", AttributeValue.fromS("ext-tools"),
                            "content", AttributeValue.fromS(extTools))));
    try (ModelStub model = new ModelStub("marker:chat-ext")) {
      model.inTurn(toolCalls("lookup", "{\"q\": \"iam\"}"), answer("お調べできませんでした。", 1, 1));
      JsonObject reply = owner.post("/chat", chat("0311119999", "調べて", null)).ok();
      assertThat(reply.getString("reply")).isEqualTo("お調べできませんでした。");
      List<JsonObject> sent = model.requests();
      assertThat(
              sent.get(0)
                  .getJsonArray("tools")
                  .getJsonObject(0)
                  .getJsonObject("function")
                  .getString("name"))
          .isEqualTo("lookup");
      assertThat(toolContents(sent.get(1))).singleElement().asString().contains("\"ok\":false");
    }
    Map<String, AttributeValue> turn = ChatTables.turns("chat-ext").get(0);
    assertThat(turn.get("tools").l()).extracting(AttributeValue::s).containsExactly("lookup");
  }

  static List<String> toolContents(JsonObject request) {
    return request.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getString("role").equals("tool"))
        .map(m -> m.getString("content"))
        .toList();
  }

  static String enc(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
