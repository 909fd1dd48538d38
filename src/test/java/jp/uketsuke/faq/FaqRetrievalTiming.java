package jp.uketsuke.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Retrieval time at 10, 1,000 and 10,000 FAQs, printed, not asserted (timings depend on the
 * machine). Run: {@code java -cp target/test-classes:target/classes:<lucene jars>
 * jp.uketsuke.faq.FaqRetrievalTiming}. Each search is a caller's question alone, then the same
 * question with a history of twenty earlier messages, as the chat engine sends it; k = 8.
 */
public final class FaqRetrievalTiming {
  private static final int K = 8;
  private static final int ROUNDS = 2000;

  private FaqRetrievalTiming() {}

  public static void main(String[] args) {
    List<String> questions = new ArrayList<>();
    FaqCorpus.topics().forEach(topic -> questions.addAll(topic.asked()));
    String history = history(questions);
    System.out.println("FAQs  build_ms  question_p50_ms  question_p95_ms  with_history_p50_ms");
    for (int size : new int[] {10, 1_000, 10_000}) {
      long start = System.nanoTime();
      FaqIndex index = FaqIndex.build(1, FaqCorpus.faq(size));
      double buildMs = (System.nanoTime() - start) / 1e6;
      measure(index, questions, ""); // warm-up
      double[] alone = measure(index, questions, "");
      double[] withHistory = measure(index, questions, history);
      System.out.printf(
          "%5d  %8.1f  %15.3f  %15.3f  %19.3f%n",
          size, buildMs, alone[ROUNDS / 2], alone[ROUNDS * 95 / 100], withHistory[ROUNDS / 2]);
    }
  }

  private static double[] measure(FaqIndex index, List<String> questions, String history) {
    double[] millis = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      String text = questions.get(i % questions.size()) + history;
      long start = System.nanoTime();
      index.topK(text, K);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  /** Twenty earlier messages: questions a caller asked and answers the assistant gave. */
  private static String history(List<String> questions) {
    StringBuilder text = new StringBuilder();
    List<FaqItem> faq = FaqCorpus.faq(60);
    for (int i = 0; i < 10; i++) {
      text.append('\n').append(questions.get(i * 3)).append('\n').append(faq.get(i * 5).answer());
    }
    return text.toString();
  }
}
