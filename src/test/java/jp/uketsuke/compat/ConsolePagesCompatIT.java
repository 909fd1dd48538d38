package jp.uketsuke.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.uketsuke.chat.ModelStub;
import jp.uketsuke.testing.RawDynamo;
import org.junit.jupiter.api.Test;

/**
 * Each page of the old console, request by request as the contract observed them, reading every
 * answer the way its code does: the FAQ, prompt, function-calling, external-API and chat-test
 * pages. (Tasks: {@code ConsoleTasksCompatIT}; call logs: {@code ConsoleCallLogsCompatIT}.)
 */
class ConsolePagesCompatIT {

  @Test
  void theFaqPageListsCreatesEditsAndDeletesQuestionsWithSlashesAndJapanese() {
    Console console = Console.of("compat-faq");
    String question = "営業時間は? 土/日も";
    String encoded = Console.encodeURIComponent(question);

    console.api.post("/faq", faq(question, "10時から18時です")).ok();
    console.api.post("/faq", faq("駐車場", "2台あります")).ok();
    List<JsonObject> items = faqs(console);
    assertThat(items).extracting(i -> i.getString("question")).contains(question, "駐車場");
    // The page sorts by updated_at itself: every item has the four fields it reads.
    assertThat(items)
        .allSatisfy(
            i -> {
              assertThat(i.getString("answer")).isNotEmpty();
              assertThat(i.getString("created_at")).isNotEmpty();
              assertThat(i.getString("updated_at")).isNotEmpty();
            });
    // ... with Date.parse, so they must be ISO-8601.
    assertThat(items).allSatisfy(i -> OffsetDateTime.parse(i.getString("updated_at")));

    console.api.put("/faq/" + encoded, "{\"answer\": \"10時から19時です\"}").ok();
    assertThat(faqs(console))
        .filteredOn(i -> i.getString("question").equals(question))
        .singleElement()
        .satisfies(i -> assertThat(i.getString("answer")).isEqualTo("10時から19時です"));

    assertThat(Console.error(console.api.post("/faq", faq(question, "重複")))).isNotBlank();
    console.api.delete("/faq/" + encoded).ok();
    assertThat(Console.error(console.api.delete("/faq/" + encoded))).isNotBlank();
    assertThat(faqs(console)).extracting(i -> i.getString("question")).containsExactly("駐車場");
  }

  @Test
  void thePromptPageReadsContentAndSavesMarkdown() {
    Console console = Console.of("compat-prompt");
    assertThat(console.api.get("/prompt").ok().getString("content")).isEmpty();
    String markdown = "# 受付\n\n- 丁寧に\n- 予約は `create_task` で";
    console
        .api
        .put("/prompt", Json.createObjectBuilder().add("content", markdown).build().toString())
        .ok();
    assertThat(console.api.get("/prompt").ok().getString("content")).isEqualTo(markdown);
    assertThat(Console.error(console.api.put("/prompt", "{\"content\": \"  \"}"))).isNotBlank();
  }

  @Test
  void theFunctionConfigPageReadsToolsAndInstructionsAndSavesThemBackExactly() {
    Console console = Console.of("compat-func");
    JsonObject initial = console.api.get("/func-config").ok().getJsonObject("config");
    assertThat(initial.getJsonArray("tools")).isEmpty();
    assertThat(initial.getString("instructions")).isEmpty();

    String config =
        """
        {"config": {"instructions": "予約はツールで", "tools": [{"type": "function", "function": {
          "name": "create_task", "description": "予約",
          "parameters": {"type": "object", "properties": {"name": {"type": "string"},
            "people": {"type": "integer", "minimum": 1, "maximum": 8.5}}, "required": ["name"]}}}]}}""";
    console.api.put("/func-config", config).ok();
    String shown = console.api.get("/func-config").body();
    assertThat(shown).contains("\"minimum\":1", "\"maximum\":8.5");
    JsonObject read = console.api.get("/func-config").ok().getJsonObject("config");
    assertThat(read.getString("instructions")).isEqualTo("予約はツールで");
    // The page saves what it read, unchanged.
    console
        .api
        .put("/func-config", Json.createObjectBuilder().add("config", read).build().toString())
        .ok();
    assertThat(console.api.get("/func-config").ok().getJsonObject("config")).isEqualTo(read);
  }

  @Test
  void theExternalApiPageSendsTheWholeListBackWithMaskedHeadersAndKeepsTheSecrets() {
    Console console = Console.of("compat-ext");
    String tool =
        """
        {"name": "weather", "description": "天気", "method": "GET",
         "url": "https://api.example.com/w?q={{city}}", "headers": {"Authorization": "Bearer sk-real-1"},
         "body": "", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
         "timeout": 5}""";
    console.api.put("/ext-tools", "{\"config\": {\"ext_tools\": [" + tool + "]}}").ok();

    JsonObject shown = console.api.get("/ext-tools").ok().getJsonObject("config");
    JsonObject first = shown.getJsonArray("ext_tools").getJsonObject(0);
    for (String field :
        List.of(
            "name", "description", "method", "url", "headers", "body", "parameters", "timeout")) {
      assertThat(first.containsKey(field)).as(field).isTrue();
    }
    assertThat(first.getJsonObject("headers").getString("Authorization"))
        .doesNotContain("sk-real-1");

    // The page adds a second tool and sends the whole list back, headers exactly as received.
    var list = Json.createArrayBuilder(shown.getJsonArray("ext_tools"));
    list.add(
        Json.createObjectBuilder(first)
            .add("name", "weather2")
            .add("headers", Json.createObjectBuilder())
            .build());
    String saved =
        Json.createObjectBuilder()
            .add("config", Json.createObjectBuilder().add("ext_tools", list))
            .build()
            .toString();
    console.api.put("/ext-tools", saved).ok();
    assertThat(console.api.get("/ext-tools").ok().getJsonObject("config").getJsonArray("ext_tools"))
        .hasSize(2);
    String stored =
        RawDynamo.client()
            .getItem(
                b ->
                    b.tableName(RawDynamo.table("prompts"))
                        .key(Map.of("client_id", fromS("compat-ext"), "id", fromS("ext-tools"))))
            .item()
            .toString();
    assertThat(stored).contains("Bearer sk-real-1");
  }

  @Test
  void theChatTestPageShowsTheReply() {
    Console console = Console.of("compat-chat");
    console.api.put("/prompt", "{\"content\": \"受付です。 marker:compat-chat|\"}").ok();
    try (ModelStub model = new ModelStub("marker:compat-chat")) {
      model.always(ModelStub.answer("はい、本日は18時まで営業しております。", 20, 10));
      JsonObject reply =
          console
              .api
              .post(
                  "/chat",
                  """
                  {"phone_number": "09011112222", "user_text": "今日は何時まで?", "call_sid": "CAcompat1"}""")
              .ok();
      assertThat(reply.getString("reply")).isEqualTo("はい、本日は18時まで営業しております。");
      JsonObject noSid =
          console
              .api
              .post("/chat", "{\"phone_number\": \"09011112222\", \"user_text\": \"駐車場は?\"}")
              .ok();
      assertThat(noSid.getString("reply")).isNotBlank();
    }
    assertThat(Console.error(console.api.post("/chat", "{\"phone_number\": \"0901\"}")))
        .isNotBlank();
  }

  private static List<JsonObject> faqs(Console console) {
    return console.api.get("/faqs").ok().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static String faq(String question, String answer) {
    return Json.createObjectBuilder()
        .add("question", question)
        .add("answer", answer)
        .build()
        .toString();
  }
}
