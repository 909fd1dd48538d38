package jp.uketsuke.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatTables.s;
import static jp.uketsuke.chat.ModelStub.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Load with faults: 20 callers at once, 500 turns in all, through the voice server's token; the
 * model answers in 50–200 ms and fails (500) on every 10th turn. Every accepted turn is stored
 * exactly once, nothing answers 5xx, and the counts are printed. The circuit may open on the way
 * (turns then answer offline at once); it is closed and cleared again afterwards.
 */
class ChatLoadWithFaultsIT {
  private static final String TENANT = "load-faults";
  private static final int CALLERS = 20;
  private static final int TURNS = 500;
  private static final String FAILS = "#fail#";

  @BeforeEach
  @AfterEach
  void closedCircuit() {
    ModelCircuit.closeAndClear();
  }

  @Test
  void fiveHundredTurnsOfTwentyCallersWithAFlakyModelAreEachStoredOnceAndNoneIs5xx()
      throws Exception {
    ChatIT.tenant(TENANT);
    Map<String, Reply> replies = new ConcurrentHashMap<>();
    int modelCalls;
    long openedBefore = ModelCircuit.timesOpened();
    long started = System.nanoTime();
    try (ModelStub model = new ModelStub("marker:" + TENANT)) {
      // Only the caller's newest words decide: earlier failing turns come back as history.
      model.add(
          model
              .request()
              .withRequestBody(matchingJsonPath("$.messages[-1:].content", containing(FAILS)))
              .atPriority(1)
              .willReturn(aResponse().withStatus(500)));
      model.add(
          model
              .request()
              .atPriority(5)
              .willReturn(answer("承知いたしました。", 3, 2).withUniformRandomDelay(50, 200)));
      runCallers(replies);
      modelCalls = model.rawRequests().size();
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    long opened = ModelCircuit.timesOpened() - openedBefore;

    Map<Integer, Long> statuses = count(replies.values(), Reply::status);
    Map<String, Reply> accepted = new TreeMap<>();
    replies.forEach(
        (text, reply) -> {
          if (reply.status() == 200) {
            accepted.put(text, reply);
          }
        });
    Map<String, Long> modes = count(accepted.values(), r -> r.json().getString("mode"));
    List<Map<String, AttributeValue>> stored = ChatTables.turns(TENANT);
    Map<String, Long> storedPerText = count(stored, item -> s(item, "user_text"));
    System.out.printf(
        "ChatLoadWithFaultsIT: turns sent %d, statuses %s, modes %s, stored %d (%d distinct),"
            + " model requests %d, circuit opened %d times, %d s%n",
        replies.size(),
        statuses,
        modes,
        stored.size(),
        storedPerText.size(),
        modelCalls,
        opened,
        seconds);

    assertThat(replies).hasSize(TURNS);
    assertThat(replies.keySet().stream().filter(text -> text.contains(FAILS))).hasSize(TURNS / 10);
    assertThat(statuses.keySet()).as("statuses").allMatch(status -> status == 200 || status == 429);
    replies.values().stream().filter(r -> r.status() == 429).forEach(r -> r.problem(429));
    assertThat(modes.getOrDefault("llm", 0L)).as("turns the model answered").isPositive();
    assertThat(stored).as("stored turns").hasSize(accepted.size());
    for (Map.Entry<String, Reply> turn : replies.entrySet()) {
      long expected = turn.getValue().status() == 200 ? 1 : 0;
      assertThat(storedPerText.getOrDefault(turn.getKey(), 0L))
          .as("times stored: %s", turn.getKey())
          .isEqualTo(expected);
    }
    for (Map<String, AttributeValue> item : stored) {
      String text = s(item, "user_text");
      String answered = accepted.get(text).json().getString("mode");
      assertThat(s(item, "mode")).as("stored mode of %s", text).isEqualTo(answered);
      if (text.contains(FAILS)) {
        assertThat(answered).as("mode of %s", text).isIn("faq", "fallback");
      }
    }
  }

  /** Each caller speaks its turns one after another, as on a phone; the callers run at once. */
  private static void runCallers(Map<String, Reply> replies) throws Exception {
    Api voice = Api.as(Tokens.service()).header("x-client-id", TENANT);
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try {
      List<Future<?>> callers = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        int caller = c;
        callers.add(
            pool.submit(
                () -> {
                  String phone = "0905500%04d".formatted(caller);
                  for (int n = 0; n < TURNS / CALLERS; n++) {
                    // every 10th turn of each caller fails, callers out of step: 50 in all
                    boolean fails = (n + caller) % 10 == 9;
                    String text = "load " + caller + "/" + n + (fails ? " " + FAILS : "");
                    replies.put(text, voice.post("/chat", chat(phone, text, "CAload" + caller)));
                  }
                }));
      }
      for (Future<?> caller : callers) {
        caller.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static <T, K> Map<K, Long> count(java.util.Collection<T> items, Function<T, K> key) {
    return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
