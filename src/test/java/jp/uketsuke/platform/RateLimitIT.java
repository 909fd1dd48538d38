package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Per-tenant rate limits. The test server gives the {@code rl-*-tiny} and {@code rl-chat-wait}
 * tenants 3 requests and then one every 5 s (src/test/liberty/rate-limits.xml); every other tenant
 * has the defaults.
 */
class RateLimitIT {
  private static final String CHAT_TINY = "rl-chat-tiny";
  private static final String CHAT_WAIT = "rl-chat-wait";
  private static final String WRITES_TINY = "rl-writes-tiny";
  private static final Set<String> OPERATIONS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void aChatBurstBeyondTheLimitIs429WithRetryAfterWhileAnotherTenantChatsOn() throws Exception {
    Api tiny = Api.as(Tokens.person(CHAT_TINY));
    Api other = Api.as(Tokens.person("rl-chat-other"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Reply>> tinyReplies = new ArrayList<>();
    List<Future<Reply>> otherReplies = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        String tinyTurn = turn("rl burst " + i);
        String otherTurn = turn("rl other " + i);
        tinyReplies.add(pool.submit(() -> tiny.post("/chat", tinyTurn)));
        otherReplies.add(pool.submit(() -> other.post("/chat", otherTurn)));
      }
      int passed = 0;
      for (Future<Reply> reply : tinyReplies) {
        Reply r = reply.get();
        if (r.status() == 200) {
          passed++;
        } else {
          assertRefused(r, 5);
        }
      }
      assertThat(passed).as("turns of the limited tenant that passed").isBetween(3, 9);
      for (Future<Reply> reply : otherReplies) {
        assertThat(reply.get().ok().getString("reply")).isNotBlank();
      }
      assertThat(storedTurns(CHAT_TINY)).as("refused turns are not stored").isEqualTo(passed);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void afterWaitingRetryAfterTheNextTurnPassesAndTheBucketIsTheTenantsNotTheTokens()
      throws Exception {
    Api voice = Api.as(Tokens.service()).header("x-client-id", CHAT_WAIT);
    Reply refused = untilRefused(() -> voice.post("/chat", turn("rl until refused")));
    long retryAfter = assertRefused(refused, 5);

    Api.as(Tokens.person(CHAT_WAIT)).post("/chat", turn("rl person, same tenant")).problem(429);

    Thread.sleep(retryAfter * 1000);
    assertThat(voice.post("/chat", turn("rl after waiting")).ok().getString("reply")).isNotBlank();
  }

  @Test
  void writesBeyondTheLimitAre429ButReadsChatAndOtherTenantsPass() throws Exception {
    Api tiny = Api.as(Tokens.person(WRITES_TINY));
    assertRefused(untilRefused(() -> tiny.put("/prompt", "{\"content\": \"rl-w\"}")), 5);
    // Refused before any route runs: a missing task would otherwise be 404.
    long retryAfter = assertRefused(tiny.delete("/task/rl-no-such-task"), 5);

    for (int i = 0; i < 10; i++) {
      assertThat(tiny.get("/prompt").ok().getString("content")).isEqualTo("rl-w");
    }
    tiny.post("/chat", turn("rl writes exhausted, chat still passes")).ok();
    Api.as(Tokens.person("rl-writes-other")).put("/prompt", "{\"content\": \"free\"}").ok();

    Thread.sleep(retryAfter * 1000);
    tiny.put("/prompt", "{\"content\": \"rl-after\"}").ok();
    assertThat(tiny.get("/prompt").ok().getString("content")).isEqualTo("rl-after");
  }

  @Test
  void theOpenApiDocumentLists429WithRetryAfterOnEveryLimitedOperationAndOnNoOther() {
    JsonObject document =
        Api.anonymous().header("Accept", "application/json").get("/openapi?format=JSON").json();
    List<String> limited = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (!OPERATIONS.contains(method)) {
                            return;
                          }
                          String key = method.toUpperCase(Locale.ROOT) + " " + path;
                          JsonObject responses =
                              operation.asJsonObject().getJsonObject("responses");
                          if (RateLimits.Kind.of(method.toUpperCase(Locale.ROOT), path) == null) {
                            assertThat(responses.keySet()).as(key).doesNotContain("429");
                            return;
                          }
                          limited.add(key);
                          assertThat(responses.getJsonObject("429")).as(key).isNotNull();
                          assertThat(responses.getJsonObject("429").getString("$ref"))
                              .as(key)
                              .isEqualTo("#/components/responses/TooManyRequests");
                        }));
    assertThat(limited)
        .contains(
            "POST /chat", "PUT /prompt", "POST /faq", "DELETE /task/{name}", "GET /transcription")
        .doesNotContain("GET /prompt", "GET /me", "GET /recording/{sid}");

    JsonObject components = document.getJsonObject("components");
    JsonObject tooMany = components.getJsonObject("responses").getJsonObject("TooManyRequests");
    JsonObject retryAfter = tooMany.getJsonObject("headers").getJsonObject("Retry-After");
    assertThat(retryAfter.getBoolean("required")).isTrue();
    assertThat(retryAfter.getJsonObject("schema").getString("type")).isEqualTo("integer");
    assertThat(
            tooMany
                .getJsonObject("content")
                .getJsonObject("application/problem+json")
                .getJsonObject("schema")
                .getString("$ref"))
        .isEqualTo("#/components/schemas/Problem");
    // The documented problem names exactly the fields a real problem document carries.
    JsonObject real = Api.anonymous().get("/me").problem(401);
    assertThat(
            components
                .getJsonObject("schemas")
                .getJsonObject("Problem")
                .getJsonObject("properties"))
        .containsOnlyKeys(real.keySet());
  }

  /** A 429 problem document with a whole number of seconds to wait, at most {@code max}. */
  private static long assertRefused(Reply reply, long max) {
    reply.problem(429);
    String retryAfter = reply.header("Retry-After");
    assertThat(retryAfter).as("Retry-After").matches("[0-9]+");
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, max);
    return Long.parseLong(retryAfter);
  }

  /** Sends until the limit answers; the tiny buckets refill far slower than requests go out. */
  private static Reply untilRefused(java.util.function.Supplier<Reply> request) {
    for (int i = 0; i < 30; i++) {
      Reply reply = request.get();
      if (reply.status() != 200) {
        return reply;
      }
    }
    throw new AssertionError("30 requests in a row passed a limit of 3 per 15 s");
  }

  private static String turn(String text) {
    return "{\"phone_number\": \"0312340000\", \"user_text\": \"" + text + "\"}";
  }

  private static int storedTurns(String tenant) {
    return RawDynamo.client()
        .query(
            b ->
                b.tableName(RawDynamo.table("logs"))
                    .keyConditionExpression("client_id = :t")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))
                    .select("COUNT"))
        .count();
  }
}
