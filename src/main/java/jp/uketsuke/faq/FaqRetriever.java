package jp.uketsuke.faq;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the FAQs relevant to what a caller says, for grounding the model and for answering without
 * one. Ranking is BM25 over Japanese character bigrams and English words (see {@link FaqAnalyzer}),
 * question terms counting double; each tenant's index lives in memory and follows the tenant's FAQ
 * version (see {@link FaqIndexes}). With embeddings configured, vector similarity is fused in
 * ({@link FaqHybrid}).
 */
@ApplicationScoped
public class FaqRetriever {

  /**
   * A FAQ and how well it fits the text.
   *
   * @param score the raw BM25 score: comparable between FAQs of one search only
   * @param confidence in [0, 1]: the idf-weighted share of the text's terms that the FAQ's question
   *     or answer contains; comparable across searches and tenants, so a threshold can be set on it
   */
  public record Match(FaqItem faq, double score, double confidence) {}

  @Inject FaqStore store;
  @Inject FaqVersion version;
  @Inject FaqUsage usage;
  @Inject FaqHybrid hybrid;

  @Inject
  @ConfigProperty(name = "uketsuke.faq.index-check", defaultValue = "PT2S")
  Duration indexCheck;

  @Inject
  @ConfigProperty(name = "uketsuke.faq.index-tenants", defaultValue = "500")
  int indexTenants;

  private FaqIndexes indexes;

  @PostConstruct
  void start() {
    indexes =
        new FaqIndexes(version::current, indexCheck, indexTenants, System::nanoTime, store::source);
  }

  /**
   * The {@code k} FAQs that fit the text best, best first, leaving out FAQs that share no term with
   * it; a tenant with {@code k} or fewer FAQs gets all of them (those unmatched with score 0).
   *
   * @param text the caller's words, optionally followed by recent history
   * @throws IllegalArgumentException when k is below 1
   */
  public List<Match> topK(String tenantId, String text, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    return hybrid.topK(tenantId, indexes.of(tenantId), text, k);
  }

  /**
   * As {@link #topK(String, String, int)}, for a caller that has just read the tenant's FAQ version
   * (with its settings, in one store call): the index is only rebuilt when that version moved.
   */
  public List<Match> topK(String tenantId, String text, int k, long faqVersion) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    return hybrid.topK(tenantId, indexes.of(tenantId, faqVersion), text, k);
  }

  /**
   * The tenant's index as of at most one check interval ago, for a caller that ranks many texts
   * against one FAQ version ({@link #topK(String, FaqIndex, String, int)}).
   */
  FaqIndex index(String tenantId) {
    return indexes.of(tenantId);
  }

  /** The tenant's index at {@code version} or a newer one, rebuilt now if it is older. */
  FaqIndex index(String tenantId, long version) {
    return indexes.of(tenantId, version);
  }

  /** As {@link #topK(String, String, int)}, against an index the caller holds. */
  List<Match> topK(String tenantId, FaqIndex index, String text, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    return hybrid.topK(tenantId, index, text, k);
  }

  /**
   * As {@link #topK(String, FaqIndex, String, int)} for each text, in order (batched embeddings).
   */
  List<List<Match>> topKEach(String tenantId, FaqIndex index, List<String> texts, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    return hybrid.topKEach(tenantId, index, texts, k);
  }

  /**
   * The {@code k} most used FAQs, most used first, ties in question order, by the use counts read
   * when the index was last built (at the tenant's latest FAQ change this server has seen).
   */
  public List<Match> mostUsed(String tenantId, int k, long faqVersion) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    return indexes.of(tenantId, faqVersion).mostUsed(k);
  }

  /**
   * The best FAQ for the text when its confidence reaches the threshold: the answer to give when no
   * model can. Pass only the caller's latest words, so an old topic in the history does not answer
   * a new question.
   */
  public Optional<Match> best(String tenantId, String text, double minConfidence) {
    return topK(tenantId, text, 1).stream()
        .filter(match -> match.score() > 0 && match.confidence() >= minConfidence)
        .findFirst();
  }

  /** Counts one use of each FAQ (by question) in the background; never fails the caller. */
  public void recordUse(String tenantId, List<String> questions) {
    usage.record(tenantId, questions);
  }
}
