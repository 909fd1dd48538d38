package jp.uketsuke.faq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Vectors for the tests and timings of {@link FaqVectorSet}: random ones (where nearest neighbours
 * are least distinct) and clustered ones, shaped like a model's embeddings of one business's FAQ.
 */
final class FaqTestVectors {
  static final String MODEL = "m";

  private FaqTestVectors() {}

  static float[] gaussian(Random random, int dimensions, double scale) {
    float[] vector = new float[dimensions];
    for (int d = 0; d < dimensions; d++) {
      vector[d] = (float) (random.nextGaussian() * scale);
    }
    return vector;
  }

  /**
   * {@code n} vectors that share one direction (as all of a model's embeddings do), each near one
   * of {@code topics} topics, and near-duplicates within a topic: cosine ~0.5 within a topic, ~0.15
   * across.
   */
  static float[][] clustered(Random random, int n, int dimensions, int topics) {
    float[] shared = gaussian(random, dimensions, 0.4);
    float[][] centres = new float[topics][];
    for (int t = 0; t < topics; t++) {
      centres[t] = gaussian(random, dimensions, 0.6);
    }
    float[][] vectors = new float[n][];
    for (int i = 0; i < n; i++) {
      vectors[i] = near(random, plus(shared, centres[i % topics]), 0.7);
    }
    return vectors;
  }

  /** The vector with gaussian noise of {@code scale} per dimension added. */
  static float[] near(Random random, float[] vector, double scale) {
    return plus(vector, gaussian(random, vector.length, scale));
  }

  /** The vectors as a set, entry i with vector i. */
  static FaqVectorSet set(List<FaqItem> items, float[][] vectors) {
    FaqIndex index = FaqIndex.build(1, items);
    Map<String, FaqVector> stored = new HashMap<>();
    for (int i = 0; i < vectors.length; i++) {
      FaqItem faq = index.items().get(i);
      stored.put(
          faq.question(),
          new FaqVector(faq.question(), FaqVector.hash(MODEL, faq), MODEL, vectors[i]));
    }
    return FaqVectorSet.of(index, 1, stored, MODEL);
  }

  /** The share of {@code exact} that {@code got} holds. */
  static double kept(int[] got, int[] exact) {
    long kept = java.util.Arrays.stream(got).filter(p -> contains(exact, p)).count();
    return kept / (double) exact.length;
  }

  private static boolean contains(int[] positions, int position) {
    for (int p : positions) {
      if (p == position) {
        return true;
      }
    }
    return false;
  }

  private static float[] plus(float[] a, float[] b) {
    float[] sum = new float[a.length];
    for (int d = 0; d < a.length; d++) {
      sum[d] = a[d] + b[d];
    }
    return sum;
  }
}
