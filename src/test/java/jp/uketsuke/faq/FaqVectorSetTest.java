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
 * exact cosine, except between entries the exact cosine itself barely separates. Only the entries a
 * one-bit sketch ranks first get their byte product: what the two stages return must be what the
 * byte products of every entry would.
 */
class FaqVectorSetTest {
  private static final int ENTRIES = 500;
  private static final int LARGE = 2_000;
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

  @Test
  void theTwoStagesReturnTheExhaustiveTopTenForQuestionsNearOneEntry() {
    Random random = new Random(7);
    float[][] entries = FaqTestVectors.clustered(random, LARGE, DIMENSIONS, 40);
    FaqVectorSet large = FaqTestVectors.set(items(LARGE), entries);
    for (int n = 0; n < 50; n++) {
      int target = random.nextInt(LARGE);
      float[] query = FaqTestVectors.near(random, entries[target], 1); // cosine ~0.7
      int[] got = large.nearest(query, 10);
      assertThat(got[0]).isEqualTo(target);
      assertThat(got).containsExactly(large.nearest(query, 10, Integer.MAX_VALUE));
    }
  }

  @Test
  void amongRandomVectorsTheTwoStagesKeepMostOfTheExhaustiveTopTen() {
    // 10 of 2,000 from the sketch's first 200: the share hybrid retrieval asks at 10⁴ entries
    // (50 of them, from 1,000), among vectors whose neighbours are barely nearer than the rest.
    Random random = new Random(11);
    float[][] entries = new float[LARGE][];
    for (int i = 0; i < LARGE; i++) {
      entries[i] = FaqTestVectors.gaussian(random, DIMENSIONS, 1);
    }
    FaqVectorSet large = FaqTestVectors.set(items(LARGE), entries);
    double kept = 0;
    int queries = 50;
    for (int n = 0; n < queries; n++) {
      float[] query = FaqTestVectors.gaussian(random, DIMENSIONS, 1);
      int[] exhaustive = large.nearest(query, 10, Integer.MAX_VALUE);
      kept += FaqTestVectors.kept(large.nearest(query, 10), exhaustive) / queries;
    }
    assertThat(kept).isGreaterThan(0.9);
  }

  @Test
  void entriesWithoutAVectorAreNeverReturned() {
    Random random = new Random(3);
    List<FaqItem> large = items(LARGE);
    FaqVectorSet all = FaqTestVectors.set(large, FaqTestVectors.clustered(random, LARGE, 64, 40));
    Map<String, FaqVector> some = new HashMap<>();
    for (int i = 0; i < LARGE; i += 3) {
      FaqItem faq = all.index().items().get(i);
      some.put(faq.question(), vectorOf(all, faq, random));
    }
    FaqVectorSet partial = FaqVectorSet.of(all.index(), 1, some, FaqTestVectors.MODEL);
    int[] got = partial.nearest(FaqTestVectors.gaussian(random, 64, 1), 50);
    assertThat(partial.count()).isEqualTo((LARGE + 2) / 3);
    assertThat(got).hasSize(50);
    assertThat(Arrays.stream(got)).allMatch(position -> position % 3 == 0);
    assertThat(partial.nearest(new float[65], 50)).isEmpty();
  }

  private static FaqVector vectorOf(FaqVectorSet set, FaqItem faq, Random random) {
    return new FaqVector(
        faq.question(),
        FaqVector.hash(FaqTestVectors.MODEL, faq),
        FaqTestVectors.MODEL,
        FaqTestVectors.gaussian(random, set.dimensions(), 1));
  }

  private static List<FaqItem> items(int n) {
    List<FaqItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(new FaqItem("question " + i, "answer " + i, null, null));
    }
    return items;
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
