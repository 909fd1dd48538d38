package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Vectors are held as one byte per dimension: the ranking they give must be the ranking of the
 * exact cosine, except between entries the exact cosine itself barely separates.
 */
class FaqVectorSetTest {
  private static final int ENTRIES = 500;
  private static final int DIMENSIONS = 1536;
  private static final String MODEL = "m";

  private final Random random = new Random(42);
  private final List<FaqItem> items = new ArrayList<>();
  private final Map<String, FaqVector> stored = new HashMap<>();
  private final float[][] exact = new float[ENTRIES][];
  private final FaqVectorSet vectors;

  FaqVectorSetTest() {
    for (int i = 0; i < ENTRIES; i++) {
      items.add(new FaqItem("question " + i, "answer " + i, null, null));
    }
    FaqIndex index = FaqIndex.build(1, items);
    for (int i = 0; i < ENTRIES; i++) {
      FaqItem faq = index.items().get(i);
      exact[i] = gaussian(1f);
      stored.put(
          faq.question(),
          new FaqVector(faq.question(), FaqVector.hash(MODEL, faq), MODEL, exact[i]));
    }
    vectors = FaqVectorSet.of(index, 1, stored, MODEL);
  }

  @Test
  void aQuestionCloseToOneEntryFindsItFirst() {
    for (int target = 0; target < ENTRIES; target += 10) {
      float[] noise = gaussian(1f);
      float[] query = new float[DIMENSIONS];
      for (int d = 0; d < DIMENSIONS; d++) {
        query[d] = exact[target][d] + noise[d]; // cosine with the target about 0.7
      }
      assertThat(vectors.nearest(query, 1)).containsExactly(target);
    }
  }

  @Test
  void theTopTenAreTheExactCosinesTopTenUpToNearTies() {
    int agreed = 0;
    int queries = 50;
    for (int n = 0; n < queries; n++) {
      float[] query = gaussian(1f);
      int[] got = vectors.nearest(query, 10);
      double[] cosine = new double[ENTRIES];
      for (int i = 0; i < ENTRIES; i++) {
        cosine[i] = cosine(exact[i], query);
      }
      Integer[] order = IntStream.range(0, ENTRIES).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble(i -> -cosine[i]));
      double tenth = cosine[order[9]];
      for (int position : got) {
        // Among random vectors cosines are ±0.08 and neighbours differ by ~0.001: an entry
        // within 0.005 of the exact tenth is a near tie, not a mistake.
        assertThat(cosine[position]).isGreaterThan(tenth - 0.005);
        if (Arrays.asList(order).subList(0, 10).contains(position)) {
          agreed++;
        }
      }
    }
    assertThat(agreed / (double) (queries * 10)).isGreaterThan(0.9);
  }

  private float[] gaussian(float scale) {
    float[] vector = new float[DIMENSIONS];
    for (int d = 0; d < DIMENSIONS; d++) {
      vector[d] = (float) random.nextGaussian() * scale;
    }
    return vector;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int d = 0; d < a.length; d++) {
      dot += (double) a[d] * b[d];
      na += (double) a[d] * a[d];
      nb += (double) b[d] * b[d];
    }
    return dot / Math.sqrt(na * nb);
  }
}
