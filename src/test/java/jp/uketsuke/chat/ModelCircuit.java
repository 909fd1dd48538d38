package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ModelStub.answer;

import java.time.Duration;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Metrics;

/**
 * The model's circuit breaker is one per server, and every IT class shares the server. Tests that
 * make the model fail call {@link #closeAndClear} before and after, so their failures neither
 * depend on nor spill into other tests: afterwards the breaker is closed and its rolling window
 * (the last 10 calls, {@code requestVolumeThreshold}) holds only successes.
 */
final class ModelCircuit {
  static final String METHOD = "jp.uketsuke.llm.LanguageModel.complete";
  private static final String TENANT = "mf-circuit-settle";
  private static final int WINDOW = 10;
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static int settled;

  private ModelCircuit() {}

  /** Turns with a healthy model until {@value #WINDOW} in a row were answered by it. */
  static void closeAndClear() {
    Api owner = ChatIT.tenant(TENANT);
    try (ModelStub model = new ModelStub("marker:" + TENANT)) {
      model.always(answer("はい、承知しました。", 1, 1));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      int inARow = 0;
      while (inARow < WINDOW) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the model's circuit did not close within " + PATIENCE);
        }
        String mode =
            owner
                .post("/chat", chat("0300000000", "settle " + settled++, null))
                .ok()
                .getString("mode");
        if (mode.equals("llm")) {
          inARow++;
        } else {
          inARow = 0;
          sleep(250);
        }
      }
    }
  }

  /** How often the breaker has opened since the server started, from {@code /metrics}. */
  static long timesOpened() {
    String metrics = Metrics.scrape();
    return metrics
        .lines()
        .filter(l -> l.startsWith("ft_circuitbreaker_opened_total{"))
        .filter(l -> l.contains("method=\"" + METHOD + "\""))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
