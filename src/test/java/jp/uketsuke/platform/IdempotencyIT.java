package jp.uketsuke.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import jp.uketsuke.chat.ModelStub;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Idempotency-Key}: a write retried with the same key runs once and answers the first
 * outcome; a key is the tenant's own; another request under a used key is 422; a retry after the
 * first attempt died between its write and its answer completes that write instead of repeating it.
 */
class IdempotencyIT {
  private static final String TURN = "{\"phone_number\": \"0312340000\", \"user_text\": \"もしもし\"}";

  @Test
  void aRetryWithTheSameKeyGetsTheFirstAnswerAndTheTurnIsStoredOnce() {
    String tenant = "idem-call";
    String key = UUID.randomUUID().toString();
    Reply first = keyed(tenant, key).post("/call", TURN);
    Reply again = keyed(tenant, key).post("/call", TURN);

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(turns(tenant)).hasSize(1);

    keyed(tenant, UUID.randomUUID().toString()).post("/call", TURN).ok();
    assertThat(turns(tenant)).as("another key is another write").hasSize(2);
  }

  @Test
  void theSameKeyWithAnotherRequestIs422AndAKeyIsTheTenantsOwn() {
    String key = UUID.randomUUID().toString();
    keyed("idem-a", key).post("/call", TURN).ok();
    keyed("idem-a", key)
        .post("/call", "{\"phone_number\": \"0312340000\", \"user_text\": \"別の話\"}")
        .problem(422);
    Reply otherTenant = keyed("idem-b", key).post("/call", TURN);
    assertThat(otherTenant.status()).isEqualTo(200);
    assertThat(otherTenant.header("Idempotent-Replayed")).isNull();
    assertThat(turns("idem-b")).hasSize(1);
    keyed("idem-a", "k".repeat(256)).post("/call", TURN).problem(400);
  }

  @Test
  void aFailureAnswerIsKeptAndReplayedToo() {
    String key = UUID.randomUUID().toString();
    String missing = "/call?phone=0312340000&ts=2020-01-01T00:00:00%2B00:00";
    Api owner = Api.as(Tokens.person("idem-404")).header("Idempotency-Key", key);
    Reply first = owner.delete(missing);
    first.problem(404);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    Reply again = owner.delete(missing);
    again.problem(404);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.body()).isEqualTo(first.body());
  }

  @Test
  void aChatTurnRetriedWhileTheFirstRunsIsAnsweredOnceAndStoredOnce() throws Exception {
    String tenant = "idem-chat";
    Api.as(Tokens.person(tenant)).put("/prompt", "{\"content\": \"受付です。 marker:idem-chat|\"}").ok();
    String key = UUID.randomUUID().toString();
    String body = "{\"phone_number\": \"09011112222\", \"user_text\": \"予約できますか\"}";
    try (ModelStub model = new ModelStub("marker:idem-chat")) {
      model.always(ModelStub.answer("はい、承ります。", 10, 5).withFixedDelay(1500));
      CompletableFuture<Reply> first =
          CompletableFuture.supplyAsync(() -> keyed(tenant, key).post("/chat", body));
      Thread.sleep(300);
      Reply retry = keyed(tenant, key).post("/chat", body);
      Reply original = first.get();

      assertThat(original.ok().getString("reply")).isEqualTo("はい、承ります。");
      assertThat(retry.status()).as(retry.body()).isEqualTo(200);
      assertThat(retry.body()).isEqualTo(original.body());
      assertThat(
              LocalStack.get()
                  .wiremock()
                  .find(
                      postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                          .withRequestBody(containing("marker:idem-chat|"))))
          .as("model calls")
          .hasSize(1);
    }
    assertThat(turns(tenant)).hasSize(1);
  }

  /**
   * A create that reached the store and then failed (a later step threw, the pod died) is completed
   * by its retry: the same item is answered as created, neither stored twice (a turn gets a planned
   * timestamp) nor refused as 409 "exists" (a task or FAQ name is taken by its own write).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void aRetryAfterTheFirstAttemptDiedBetweenItsWriteAndItsAnswerCompletesThatWrite(
      String path, String body, String table, String itemName) {
    String tenant = "idem-died-" + table;
    String key = UUID.randomUUID().toString();
    Api writer = keyed(tenant, key, table.equals("faq"));
    JsonObject stored = writer.post(path, body).ok().getJsonObject("item");
    // What a pod that stored the item and then died (or answered 5xx) leaves: the key is claimed,
    // values it generated are fixed, and no outcome was kept.
    RawDynamo.client()
        .updateItem(
            b ->
                b.tableName(RawDynamo.table("idempotency"))
                    .key(Map.of("client_id", s(tenant), "key", s(key)))
                    .updateExpression("SET #s = :pending, lease_until = :past REMOVE body, #st")
                    .expressionAttributeNames(Map.of("#s", "state", "#st", "status"))
                    .expressionAttributeValues(
                        Map.of(":pending", s("pending"), ":past", AttributeValue.fromN("1"))));

    Reply retry = writer.post(path, body);
    assertThat(retry.header("Idempotent-Replayed")).as("the work ran again").isNull();
    assertThat(retry.ok().getJsonObject("item")).isEqualTo(stored);
    assertThat(items(table, tenant)).as("the same %s, not a second one", itemName).hasSize(1);
    Reply replay = writer.post(path, body);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    if (table.equals("tasks")) {
      assertThat(
              Api.as(Tokens.person(tenant))
                  .get("/audit")
                  .ok()
                  .getJsonArray("items")
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .filter(entry -> entry.getString("action").equals("task.create")))
          .as("audit records of the one create")
          .hasSize(1);
    }

    if (!table.equals("logs")) {
      // The mark is the key's: another key's create of the same name is still refused.
      keyed(tenant, UUID.randomUUID().toString(), table.equals("faq"))
          .post(path, body)
          .problem(409);
    }
  }

  static Stream<Arguments> creates() {
    return Stream.of(
        Arguments.of("/call", TURN, "logs", "turn"),
        Arguments.of(
            "/task",
            "{\"name\": \"山田様 12/24\", \"phone_number\": \"0312340000\","
                + " \"start_datetime\": \"2026-12-24 19:00\"}",
            "tasks",
            "task"),
        Arguments.of(
            "/faq", "{\"question\": \"駐車場はありますか\", \"answer\": \"3台分あります。\"}", "faq", "FAQ"));
  }

  @Test
  void aFirstAnswerTooLargeToKeepIsNeverReplayedAsAnotherOne() {
    StringBuilder csv = new StringBuilder("question,answer\n");
    for (int i = 0; i < 8000; i++) {
      csv.append("答えのない質問 ").append(i).append(",\n");
    }
    String key = UUID.randomUUID().toString();
    Api owner =
        Api.as(Tokens.person("idem-large"))
            .header("Idempotency-Key", key)
            .header("Content-Type", "text/csv; charset=UTF-8");
    Reply first =
        owner.send(
            "POST",
            "/faqs/import",
            java.net.http.HttpRequest.BodyPublishers.ofString(csv.toString()));
    assertThat(first.ok().getInt("failed")).isEqualTo(8000);
    assertThat(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .as("bytes of the first answer")
        .isGreaterThan(350 * 1024);

    Reply again =
        owner.send(
            "POST",
            "/faqs/import",
            java.net.http.HttpRequest.BodyPublishers.ofString(csv.toString()));
    again.problem(409);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void theOpenApiDocumentOffersTheKeyOnEveryWriteAndOnNoRead() {
    JsonObject paths =
        Api.anonymous()
            .header("Accept", "application/json")
            .get("/openapi?format=JSON")
            .json()
            .getJsonObject("paths");
    assertThat(parameters(paths, "/call", "post")).contains("Idempotency-Key");
    assertThat(parameters(paths, "/task/{name}", "put")).contains("Idempotency-Key");
    assertThat(parameters(paths, "/calls", "get")).doesNotContain("Idempotency-Key");
  }

  private static List<String> parameters(JsonObject paths, String path, String method) {
    JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
    return operation.containsKey("parameters")
        ? operation.getJsonArray("parameters").stream()
            .map(p -> p.asJsonObject().getString("name"))
            .toList()
        : List.of();
  }

  private static Api keyed(String tenant, String key) {
    return keyed(tenant, key, false);
  }

  /** The voice server's token, or an owner's (FAQ changes are people's). */
  private static Api keyed(String tenant, String key, boolean person) {
    Api api =
        person
            ? Api.as(Tokens.person(tenant))
            : Api.as(Tokens.service()).header("x-client-id", tenant);
    return api.header("Idempotency-Key", key);
  }

  private static List<Map<String, AttributeValue>> turns(String tenant) {
    return items("logs", tenant);
  }

  private static List<Map<String, AttributeValue>> items(String table, String tenant) {
    return RawDynamo.client()
        .queryPaginator(
            b ->
                b.tableName(RawDynamo.table(table))
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", s(tenant)))
                    .consistentRead(true))
        .items()
        .stream()
        .toList();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
