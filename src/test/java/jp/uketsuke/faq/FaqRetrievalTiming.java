package jp.uketsuke.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Retrieval time at 10, 1,000 and 10,000 FAQs, printed, not asserted (timings depend on the
 * machine). Run: {@code java -cp target/test-classes:target/classes:<lucene jars>
 * jp.uketsuke.faq.FaqRetrievalTiming}. Each search is a caller's question alone, then the same
 * question with a history of twenty earlier messages, as the chat engine sends it; k = 8. Then what
 * hybrid retrieval adds at the same sizes with 1536-dimensional vectors (random: the time does not
 * depend on their values): the brute-force cosine against every entry and the fusion, without the
 * embeddings call itself (a network round trip to the endpoint).
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
    hybrid(questions);
    oversampling();
  }

  private static void hybrid(List<String> questions) {
    System.out.println();
    System.out.println("FAQs  dims  lexical_p50_ms  hybrid_p50_ms  hybrid_p95_ms  vectors_MB");
    java.util.Random random = new java.util.Random(15);
    for (int[] run : new int[][] {{10, 1536}, {1_000, 1536}, {10_000, 1536}, {10_000, 512}}) {
      int size = run[0];
      int dimensions = run[1];
      float[][] entries = new float[size][];
      for (int i = 0; i < size; i++) {
        entries[i] = random(random, dimensions);
      }
      FaqVectorSet vectors = FaqTestVectors.set(FaqCorpus.faq(size), entries);
      FaqIndex index = vectors.index();
      float[][] queries = new float[64][];
      for (int i = 0; i < queries.length; i++) {
        queries[i] = random(random, dimensions);
      }
      double[] lexical = measure(index, questions, "");
      double[] fused = new double[ROUNDS];
      for (int round = 0; round < 2; round++) { // the first round warms up
        for (int i = 0; i < ROUNDS; i++) {
          String text = questions.get(i % questions.size());
          long start = System.nanoTime();
          FaqHybrid.fuse(
              index.topK(text, FaqHybrid.DEPTH),
              vectors,
              vectors.nearest(queries[i % queries.length], FaqHybrid.DEPTH),
              K);
          fused[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      Arrays.sort(fused);
      System.out.printf(
          "%5d  %4d  %14.3f  %13.3f  %13.3f  %10.1f%n",
          size,
          dimensions,
          lexical[ROUNDS / 2],
          fused[ROUNDS / 2],
          fused[ROUNDS * 95 / 100],
          size * (dimensions + dimensions / 8 + 16) / 1e6);
    }
  }

  private static float[] random(java.util.Random random, int dimensions) {
    return FaqTestVectors.gaussian(random, dimensions, 1);
  }

  /**
   * How many entries the sketch must hand to the exact products ({@code FaqVectorSet#nearest}): at
   * 10⁴ × 1536, the share of the exhaustive top 50 (the depth hybrid retrieval reads) and of its
   * top 10 that the two stages return, and the time, for random vectors (the sketch's worst case:
   * neighbours barely nearer than the rest) and clustered ones with questions near one entry.
   */
  static void oversampling() {
    System.out.println();
    System.out.println("vectors    candidates  top50_kept  top10_kept  nearest_p50_ms");
    java.util.Random random = new java.util.Random(15);
    int size = 10_000;
    int dimensions = 1536;
    float[][] randomEntries = new float[size][];
    for (int i = 0; i < size; i++) {
      randomEntries[i] = random(random, dimensions);
    }
    float[][] clusteredEntries = FaqTestVectors.clustered(random, size, dimensions, 100);
    for (float[][] entries : new float[][][] {randomEntries, clusteredEntries}) {
      FaqVectorSet vectors = FaqTestVectors.set(FaqCorpus.faq(size), entries);
      float[][] queries = new float[64][];
      int[][] exact = new int[queries.length][];
      for (int i = 0; i < queries.length; i++) {
        queries[i] =
            entries == randomEntries
                ? random(random, dimensions)
                : FaqTestVectors.near(random, entries[random.nextInt(size)], 1);
        exact[i] = vectors.nearest(queries[i], FaqHybrid.DEPTH, Integer.MAX_VALUE);
      }
      for (int candidates : new int[] {100, 200, 500, 1000, 2000, size}) {
        double top50 = 0;
        double top10 = 0;
        double[] millis = new double[queries.length * 8];
        for (int round = 0; round < 2; round++) { // the first round warms up
          for (int i = 0; i < millis.length; i++) {
            float[] query = queries[i % queries.length];
            long start = System.nanoTime();
            int[] got = vectors.nearest(query, FaqHybrid.DEPTH, candidates);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (round == 1 && i < queries.length) {
              int[] exactTop = exact[i];
              top50 += FaqTestVectors.kept(got, exactTop) / queries.length;
              top10 +=
                  FaqTestVectors.kept(Arrays.copyOf(got, 10), Arrays.copyOf(exactTop, 10))
                      / queries.length;
            }
          }
        }
        Arrays.sort(millis);
        System.out.printf(
            "%-9s  %10d  %10.3f  %10.3f  %14.3f%n",
            entries == randomEntries ? "random" : "clustered",
            candidates,
            top50,
            top10,
            millis[millis.length / 2]);
      }
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
