package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.StoreFaults;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writers that retry with an {@code Idempotency-Key}, as the voice server should, while DynamoDB
 * fails for 6 s: for 3 s it carries out every request but its answers are lost (a write lands and
 * the service answers 503), then for 3 s it refuses every connection. Every turn a writer got
 * acknowledged is stored exactly once, nothing else is stored, and no answer is a 500. Without the
 * key the same writers store turns twice (each retry of a landed write stores another).
 */
class WritesThroughOutageIT {
  private static final Set<Integer> RETRYABLE = Set.of(409, 429, 503);

  @AfterEach
  void bringDynamoBack() throws Exception {
    StoreFaults.start();
  }

  @Test
  void everyAcknowledgedTurnIsStoredExactlyOnceWhenWritersRetryWithKeysThroughAnOutage()
      throws Exception {
    String tenant = "outage-keys-" + UUID.randomUUID().toString().substring(0, 8);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<String> unexpected = new ArrayList<>();
    long writeUntil = System.nanoTime() + Duration.ofSeconds(16).toNanos();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      running.add(
          writers.submit(
              () -> {
                for (int turn = 0; System.nanoTime() < writeUntil; turn++) {
                  String text = "w" + writer + "-t" + turn;
                  Reply reply = postUntilAnswered(tenant, text);
                  if (reply.status() == 200) {
                    acknowledged.add(text);
                  } else {
                    synchronized (unexpected) {
                      unexpected.add(reply.status() + " " + reply.body());
                    }
                  }
                }
                return null;
              }));
    }
    Thread.sleep(4_000);
    // First the writes land but their answers are lost, then the store refuses everything.
    StoreFaults.dropAnswers();
    Thread.sleep(3_000);
    StoreFaults.stop();
    Thread.sleep(3_000);
    StoreFaults.start();
    for (Future<?> writer : running) {
      writer.get();
    }
    writers.shutdown();

    assertThat(unexpected).as("answers other than 200 after retries").isEmpty();
    Map<String, Long> stored =
        RawDynamo.client()
            .queryPaginator(
                b ->
                    b.tableName(RawDynamo.table("logs"))
                        .keyConditionExpression("client_id = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))
                        .consistentRead(true))
            .items()
            .stream()
            .collect(
                Collectors.groupingBy(item -> item.get("user_text").s(), Collectors.counting()));
    assertThat(acknowledged).hasSizeGreaterThan(20);
    assertThat(stored.keySet()).isEqualTo(acknowledged);
    assertThat(stored).allSatisfy((text, copies) -> assertThat(copies).as(text).isEqualTo(1L));
  }

  /** One turn, retried with its key after every retryable answer, for at most 90 s. */
  private static Reply postUntilAnswered(String tenant, String text) {
    String key = tenant + "-" + text;
    String body = "{\"phone_number\": \"0398765432\", \"user_text\": \"" + text + "\"}";
    long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      Reply reply =
          Api.as(Tokens.service())
              .header("x-client-id", tenant)
              .header("Idempotency-Key", key)
              .post("/call", body);
      if (!RETRYABLE.contains(reply.status()) || System.nanoTime() > giveUp) {
        return reply;
      }
      sleep(retryAfter(reply));
    }
  }

  private static long retryAfter(Reply reply) {
    String header = reply.header("Retry-After");
    return header == null ? 250 : Math.min(2_000, Long.parseLong(header) * 1_000);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
