package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.llm.Embeddings;

/**
 * Lexical retrieval, fused with vector similarity when embeddings are configured: the question is
 * embedded (one short call) and compared with every entry's vector, and the two rankings are fused
 * by reciprocal rank fusion ({@code 1/(60 + rank)} summed over the lists an entry is in), so a FAQ
 * that says the same in other words can join the FAQs that share the caller's words.
 *
 * <p>Score and confidence stay lexical: an entry found only by its vector has both 0, so it grounds
 * the model but never answers without one, and the offline threshold keeps its calibration. With
 * embeddings off, no vectors yet, or the endpoint failing or slow, the lexical ranking is returned
 * as it is.
 */
@ApplicationScoped
class FaqHybrid {
  private static final Logger LOG = Logger.getLogger(FaqHybrid.class.getName());

  /** Reciprocal rank fusion's constant, as in its paper; larger flattens the ranks' weights. */
  static final int RRF_K = 60;

  /** Texts embedded in one request by {@link #topKEach}. */
  static final int BATCH = 64;

  /** How deep each ranking is read before fusing. */
  static final int DEPTH = 50;

  @Inject Embeddings embeddings;
  @Inject FaqVectors vectors;
  @Inject Event<FaqEmbeddingsUsed> usage;

  List<FaqRetriever.Match> topK(String tenantId, FaqIndex index, String text, int k) {
    if (!embeddings.configured() || index.size() == 0 || text == null || text.isBlank()) {
      return index.topK(text, k);
    }
    FaqVectorSet known = vectors.of(tenantId, index);
    if (known.count() == 0) {
      return index.topK(text, k);
    }
    float[] query;
    try {
      Embeddings.Vectors answer = embeddings.query(text);
      usage.fire(new FaqEmbeddingsUsed(tenantId, answer.tokens()));
      query = answer.vectors().get(0);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "question not embedded; lexical retrieval only", e);
      return index.topK(text, k);
    }
    if (query.length != known.dimensions()) {
      return index.topK(text, k);
    }
    return fused(index, known, text, query, k);
  }

  /**
   * {@link #topK} for each of many texts, embedded {@value #BATCH} to a request instead of one call
   * each (a thousand wordings would otherwise be a thousand calls). When a request fails, its texts
   * and all later ones are ranked lexically: the endpoint is not asked again in this pass.
   */
  List<List<FaqRetriever.Match>> topKEach(
      String tenantId, FaqIndex index, List<String> texts, int k) {
    FaqVectorSet known =
        embeddings.configured() && index.size() > 0
            ? vectors.of(tenantId, index)
            : FaqVectorSet.NONE;
    List<List<FaqRetriever.Match>> ranked = new ArrayList<>(texts.size());
    boolean asking = known.count() > 0;
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
      List<float[]> queries = asking ? questions(tenantId, batch) : null;
      asking = queries != null;
      for (int i = 0; i < batch.size(); i++) {
        String text = batch.get(i);
        float[] query = queries == null || text == null || text.isBlank() ? null : queries.get(i);
        ranked.add(
            query == null || query.length != known.dimensions()
                ? index.topK(text, k)
                : fused(index, known, text, query, k));
      }
    }
    return ranked;
  }

  /** The batch's vectors in order, or null when the endpoint could not give them. */
  private List<float[]> questions(String tenantId, List<String> batch) {
    List<String> inputs = batch.stream().map(t -> t == null || t.isBlank() ? "-" : t).toList();
    try {
      Embeddings.Vectors answer = embeddings.questions(inputs);
      usage.fire(new FaqEmbeddingsUsed(tenantId, answer.tokens()));
      return answer.vectors();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "questions not embedded; lexical retrieval only", e);
      return null;
    }
  }

  private static List<FaqRetriever.Match> fused(
      FaqIndex index, FaqVectorSet known, String text, float[] query, int k) {
    return fuse(index.topK(text, Math.max(k, DEPTH)), known, known.nearest(query, DEPTH), k);
  }

  /**
   * The k best by fused rank; ties keep lexical order, then vector order. A tenant of k or fewer
   * entries gets all of them, the unranked ones last in stored order (as the lexical ranking does).
   *
   * @param lexical the lexical ranking, best first (entries with score 0 are not ranked)
   * @param nearest positions of the nearest entries by vector, nearest first
   */
  static List<FaqRetriever.Match> fuse(
      List<FaqRetriever.Match> lexical, FaqVectorSet vectors, int[] nearest, int k) {
    List<FaqItem> items = vectors.index().items();
    double[] fused = new double[items.size()];
    FaqRetriever.Match[] matches = new FaqRetriever.Match[items.size()];
    List<Integer> candidates = new ArrayList<>();
    int rank = 0;
    for (FaqRetriever.Match match : lexical) {
      int position = vectors.position(match.faq().question());
      if (match.score() > 0 && position >= 0 && matches[position] == null) {
        matches[position] = match;
        fused[position] += 1.0 / (RRF_K + ++rank);
        candidates.add(position);
      }
    }
    for (int i = 0; i < nearest.length; i++) {
      int position = nearest[i];
      if (matches[position] == null) {
        matches[position] = new FaqRetriever.Match(items.get(position), 0, 0);
        candidates.add(position);
      }
      fused[position] += 1.0 / (RRF_K + i + 1);
    }
    candidates.sort(Comparator.comparingDouble((Integer p) -> fused[p]).reversed());
    List<FaqRetriever.Match> top = new ArrayList<>(k);
    for (int i = 0; i < candidates.size() && top.size() < k; i++) {
      top.add(matches[candidates.get(i)]);
    }
    if (items.size() <= k) {
      for (int position = 0; position < items.size(); position++) {
        if (matches[position] == null) {
          top.add(new FaqRetriever.Match(items.get(position), 0, 0));
        }
      }
    }
    return List.copyOf(top);
  }
}
