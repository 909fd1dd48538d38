package jp.uketsuke.faq;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * The vectors of one FAQ index's entries, scaled to unit length, quantized to one signed byte per
 * dimension (each row with its own scale: its largest component becomes ±127) and laid out row by
 * row in one array (entry i at {@code [i*d, (i+1)*d)}): a quarter of the memory floats would take
 * (15 MB instead of 61 MB at 10⁴ entries of 1536 dimensions). A one-bit sketch of every entry
 * ({@link FaqVectorSketch}, an eighth more) picks the entries worth an exact product, so a search
 * does not pay 10⁴ byte products of 1536 dimensions (~10 ms here). The rounding moves a cosine by
 * well under 0.01, far less than separates a relevant entry from the rest ({@code
 * FaqVectorSetTest}). An entry whose vector is missing, stale (another text or model) or of other
 * dimensions has none; read-only once built.
 */
final class FaqVectorSet {
  static final FaqVectorSet NONE =
      new FaqVectorSet(
          null, Long.MIN_VALUE, new byte[0], new float[0], 0, new String[0], Map.of(), 0);

  /** Entries ranked exactly per entry asked for, at the least {@link #MIN_CANDIDATES}. */
  static final int OVERSAMPLING = 20;

  static final int MIN_CANDIDATES = 200;

  private final FaqIndex index;
  private final long readAt;
  private final byte[] codes;
  private final float[] scales;
  private final int dimensions;
  private final String[] hashes;
  private final Map<String, Integer> positions;
  private final int count;
  private final int[] withVector;
  private final FaqVectorSketch sketch;

  private FaqVectorSet(
      FaqIndex index,
      long readAt,
      byte[] codes,
      float[] scales,
      int dimensions,
      String[] hashes,
      Map<String, Integer> positions,
      int count) {
    this.index = index;
    this.readAt = readAt;
    this.codes = codes;
    this.scales = scales;
    this.dimensions = dimensions;
    this.hashes = hashes;
    this.positions = positions;
    this.count = count;
    boolean[] present = new boolean[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      present[i] = hashes[i] != null;
    }
    this.withVector = IntStream.range(0, hashes.length).filter(i -> present[i]).toArray();
    this.sketch = FaqVectorSketch.of(codes, scales, present, dimensions);
  }

  /** The stored vectors that fit the index's entries; {@code readAt}: the FAQ version read at. */
  static FaqVectorSet of(FaqIndex index, long readAt, Map<String, FaqVector> stored, String model) {
    List<FaqItem> items = index.items();
    String[] wanted = new String[items.size()];
    int dimensions = 0;
    for (int i = 0; i < wanted.length; i++) {
      FaqItem faq = items.get(i);
      FaqVector vector = stored.get(faq.question());
      String hash = vector == null ? null : FaqVector.hash(model, faq);
      if (vector != null && vector.textHash().equals(hash) && vector.model().equals(model)) {
        wanted[i] = hash;
        dimensions = dimensions == 0 ? vector.vector().length : dimensions;
      }
    }
    Builder builder = new Builder(index, readAt, dimensions);
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i] != null) {
        builder.put(i, wanted[i], stored.get(items.get(i).question()).vector());
      }
    }
    return builder.build();
  }

  /**
   * These vectors for a newer index of the tenant: every entry whose text is unchanged keeps its.
   */
  FaqVectorSet realigned(FaqIndex newer, String model) {
    Builder builder = new Builder(newer, readAt, dimensions);
    List<FaqItem> items = newer.items();
    for (int i = 0; i < items.size(); i++) {
      Integer old = positions.get(items.get(i).question());
      if (old != null && hashes[old] != null) {
        String hash = FaqVector.hash(model, items.get(i));
        if (hash.equals(hashes[old])) {
          builder.copy(i, hash, this, old);
        }
      }
    }
    return builder.build();
  }

  FaqIndex index() {
    return index;
  }

  long readAt() {
    return readAt;
  }

  int dimensions() {
    return dimensions;
  }

  /** Entries with a vector. */
  int count() {
    return count;
  }

  int position(String question) {
    Integer position = positions.get(question);
    return position == null ? -1 : position;
  }

  /**
   * The positions of the {@code n} entries nearest to the query by cosine, nearest first (equal
   * ones by position): the exact byte products of the {@code max(n·20, 200)} entries the sketch
   * ranks first, or of all entries if there are no more. The generous share keeps the exact top n
   * even among random vectors, where the sketch is least sure ({@code FaqVectorSetTest},
   * docs/quality.md).
   *
   * @param query of {@link #dimensions()} floats, any length
   */
  int[] nearest(float[] query, int n) {
    return nearest(query, n, Math.max(n * OVERSAMPLING, MIN_CANDIDATES));
  }

  /** As {@link #nearest(float[], int)}, from the sketch's first {@code candidates} entries. */
  int[] nearest(float[] query, int n, int candidates) {
    if (n <= 0 || query.length != dimensions) {
      return new int[0];
    }
    float[] unit = unitCopy(query, 0, query.length);
    byte[] q = new byte[unit.length];
    float queryStep = quantize(unit, q, 0);
    int[] rows = count > candidates ? sketch.preselect(unit, candidates) : withVector;
    double[] similarity = new double[hashes.length];
    Comparator<Integer> nearer =
        (a, b) ->
            similarity[a] == similarity[b]
                ? Integer.compare(b, a)
                : Double.compare(similarity[a], similarity[b]);
    PriorityQueue<Integer> best = new PriorityQueue<>(nearer);
    for (int i : rows) {
      similarity[i] = (double) scales[i] * queryStep * dot(codes, i * dimensions, q);
      if (best.size() < n) {
        best.add(i);
      } else if (nearer.compare(i, best.peek()) > 0) {
        best.poll();
        best.add(i);
      }
    }
    int[] nearest = new int[best.size()];
    for (int i = nearest.length - 1; i >= 0; i--) {
      nearest[i] = best.poll();
    }
    return nearest;
  }

  /** Integer products of the codes (exact), four sums side by side so they overlap in the CPU. */
  private static int dot(byte[] rows, int offset, byte[] q) {
    int s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int d = q.length;
    int i = 0;
    for (; i + 3 < d; i += 4) {
      s0 += rows[offset + i] * q[i];
      s1 += rows[offset + i + 1] * q[i + 1];
      s2 += rows[offset + i + 2] * q[i + 2];
      s3 += rows[offset + i + 3] * q[i + 3];
    }
    for (; i < d; i++) {
      s0 += rows[offset + i] * q[i];
    }
    return s0 + s1 + s2 + s3;
  }

  /**
   * Writes {@code unit} as bytes at {@code offset}, its largest component as ±127; returns the
   * step, what one unit of a byte stands for (0 for a zero vector).
   */
  private static float quantize(float[] unit, byte[] codes, int offset) {
    float largest = 0;
    for (float x : unit) {
      largest = Math.max(largest, Math.abs(x));
    }
    if (largest == 0) {
      return 0;
    }
    float step = largest / 127;
    for (int i = 0; i < unit.length; i++) {
      codes[offset + i] = (byte) Math.round(unit[i] / step);
    }
    return step;
  }

  private static float[] unitCopy(float[] vector, int from, int length) {
    double norm = 0;
    for (int i = from; i < from + length; i++) {
      norm += (double) vector[i] * vector[i];
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    float[] unit = new float[length];
    for (int i = 0; i < length; i++) {
      unit[i] = vector[from + i] * scale;
    }
    return unit;
  }

  private static final class Builder {
    private final FaqIndex index;
    private final long readAt;
    private final int dimensions;
    private final byte[] codes;
    private final float[] scales;
    private final String[] hashes;
    private final Map<String, Integer> positions = new HashMap<>();
    private int count;

    Builder(FaqIndex index, long readAt, int dimensions) {
      this.index = index;
      this.readAt = readAt;
      this.dimensions = dimensions;
      List<FaqItem> items = index.items();
      this.codes = new byte[items.size() * dimensions];
      this.scales = new float[items.size()];
      this.hashes = new String[items.size()];
      for (int i = 0; i < items.size(); i++) {
        positions.put(items.get(i).question(), i);
      }
    }

    /** A stored vector, any length: scaled to unit length and quantized. */
    void put(int position, String hash, float[] vector) {
      if (dimensions == 0 || vector.length != dimensions) {
        return;
      }
      scales[position] = quantize(unitCopy(vector, 0, dimensions), codes, position * dimensions);
      hashes[position] = hash;
      count++;
    }

    /** The row of an entry of an older set whose text is unchanged. */
    void copy(int position, String hash, FaqVectorSet older, int from) {
      if (dimensions == 0 || older.dimensions != dimensions) {
        return;
      }
      System.arraycopy(older.codes, from * dimensions, codes, position * dimensions, dimensions);
      scales[position] = older.scales[from];
      hashes[position] = hash;
      count++;
    }

    FaqVectorSet build() {
      return new FaqVectorSet(
          index, readAt, codes, scales, dimensions, hashes, Map.copyOf(positions), count);
    }
  }
}
