package jp.uketsuke.faq;

import java.util.Arrays;

/**
 * One bit per dimension of each entry of a {@link FaqVectorSet}: on which side of the set's mean
 * the entry lies, 64 dimensions to a {@code long} (an eighth of the byte codes' memory). It ranks
 * every entry roughly in a fraction of the time the byte codes take, so that only the few it ranks
 * first need their exact product ({@link FaqVectorSet#nearest}).
 *
 * <p>The estimate is RaBitQ's: an entry's offset {@code r} from the mean is taken as {@code
 * |r|²/|r|₁ · sign(r)}, and the question keeps four bits per dimension (from its smallest to its
 * largest component), so its product with the signs is four AND + bit counts per 64 dimensions.
 * Measuring from the mean keeps the signs informative when all vectors share a direction, as a
 * model's embeddings do. The mean's own product with the question is the same for every entry and
 * is left out: the estimate ranks, it does not measure.
 */
final class FaqVectorSketch {
  static final FaqVectorSketch NONE =
      new FaqVectorSketch(new boolean[0], 0, new long[0], new float[0], new int[0]);

  /** Bits of the question per dimension. */
  private static final int PLANES = 4;

  private final boolean[] present;
  private final int words;
  private final long[] bits;
  private final float[] weights;
  private final int[] ones;

  private FaqVectorSketch(boolean[] present, int words, long[] bits, float[] weights, int[] ones) {
    this.present = present;
    this.words = words;
    this.bits = bits;
    this.weights = weights;
    this.ones = ones;
  }

  /**
   * The signs of the rows that have a vector ({@code present[i]}), from their byte codes and scales
   * as {@link FaqVectorSet} keeps them.
   */
  static FaqVectorSketch of(byte[] codes, float[] scales, boolean[] present, int dimensions) {
    int rows = present.length;
    int words = (dimensions + 63) / 64;
    double[] mean = new double[dimensions];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      if (present[i]) {
        count++;
        for (int d = 0; d < dimensions; d++) {
          mean[d] += codes[i * dimensions + d] * (double) scales[i];
        }
      }
    }
    for (int d = 0; d < dimensions && count > 0; d++) {
      mean[d] /= count;
    }
    long[] bits = new long[rows * words];
    float[] weights = new float[rows];
    int[] ones = new int[rows];
    for (int i = 0; i < rows; i++) {
      if (present[i]) {
        double l1 = 0, l2 = 0;
        for (int d = 0; d < dimensions; d++) {
          double r = codes[i * dimensions + d] * (double) scales[i] - mean[d];
          l1 += Math.abs(r);
          l2 += r * r;
          if (r > 0) {
            bits[i * words + d / 64] |= 1L << d;
            ones[i]++;
          }
        }
        weights[i] = l1 == 0 ? 0 : (float) (l2 / l1);
      }
    }
    return new FaqVectorSketch(present, words, bits, weights, ones);
  }

  /**
   * The positions of the {@code candidates} rows with a vector that the sketch ranks nearest to
   * {@code unit}, in ascending order; all of them if there are no more.
   */
  int[] preselect(float[] unit, int candidates) {
    float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
    for (float x : unit) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    float step = hi > lo ? (hi - lo) / ((1 << PLANES) - 1) : 0;
    long[] planes = new long[PLANES * words];
    double sum = 0;
    for (int d = 0; d < unit.length; d++) {
      int level = step == 0 ? 0 : Math.round((unit[d] - lo) / step);
      sum += lo + step * level;
      for (int p = 0; p < PLANES; p++) {
        if ((level >> p & 1) != 0) {
          planes[p * words + d / 64] |= 1L << d;
        }
      }
    }
    long[] keys = new long[present.length];
    int n = 0;
    for (int i = 0; i < present.length; i++) {
      if (present[i]) {
        // <sign(r), u> = 2 <bits, u> - Σu, with u = lo + step * level in every dimension
        float dot = 2 * (lo * ones[i] + step * weighted(bits, i * words, planes)) - (float) sum;
        keys[n++] = (long) sortable(weights[i] * dot) << 32 | i;
      }
    }
    int from = Math.max(0, n - candidates);
    select(keys, 0, n, from);
    int[] positions = new int[n - from];
    for (int i = from; i < n; i++) {
      positions[i - from] = (int) keys[i];
    }
    Arrays.sort(positions);
    return positions;
  }

  /** Σ level·bit over the row: the bit planes' AND counts, each by its weight. */
  private int weighted(long[] rows, int offset, long[] planes) {
    int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int w = 0; w < words; w++) {
      long row = rows[offset + w];
      s0 += Long.bitCount(row & planes[w]);
      s1 += Long.bitCount(row & planes[words + w]);
      s2 += Long.bitCount(row & planes[2 * words + w]);
      s3 += Long.bitCount(row & planes[3 * words + w]);
    }
    return s0 + 2 * s1 + 4 * s2 + 8 * s3;
  }

  /** An int whose signed order is the float's order. */
  private static int sortable(float value) {
    int bits = Float.floatToIntBits(value);
    return bits ^ (bits >> 31 & 0x7fffffff);
  }

  /**
   * Rearranges {@code keys[from, to)} so that the one at {@code nth} is where sorting would put it,
   * the smaller before it and the larger after (Hoare's selection, middle pivot).
   */
  private static void select(long[] keys, int from, int to, int nth) {
    int lo = from, hi = to - 1;
    while (lo < hi) {
      long pivot = keys[(lo + hi) >>> 1];
      int i = lo, j = hi;
      while (i <= j) {
        while (keys[i] < pivot) {
          i++;
        }
        while (keys[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swap = keys[i];
          keys[i++] = keys[j];
          keys[j--] = swap;
        }
      }
      if (nth <= j) {
        hi = j;
      } else if (nth >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }
}
