package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.uketsuke.faq.FaqItem;
import jp.uketsuke.faq.FaqRetriever;

/**
 * The FAQ entries a turn is grounded on, ranked for the caller's latest words (not the history, so
 * an old topic neither crowds out nor answers a new question). An entry that shares no term with
 * the words has confidence 0 and can never answer without the model.
 */
@ApplicationScoped
public class FaqKnowledge {
  @Inject FaqRetriever retriever;

  /**
   * @param faqVersion the tenant's FAQ version, just read with its settings
   */
  public List<FaqMatch> relevant(String tenantId, String text, int k, long faqVersion) {
    return retriever.topK(tenantId, text == null ? "" : text, k, faqVersion).stream()
        .map(m -> new FaqMatch(m.faq(), m.score() > 0 ? m.confidence() : 0.0))
        .toList();
  }

  /**
   * For a session that starts with no words yet: the {@code k} most used entries (confidence 0, so
   * none of them answers without the model).
   */
  public List<FaqMatch> mostUsed(String tenantId, int k, long faqVersion) {
    return retriever.mostUsed(tenantId, k, faqVersion).stream()
        .map(m -> new FaqMatch(m.faq(), 0.0))
        .toList();
  }

  /** Counts the entries a turn relied on. */
  public void recordUse(String tenantId, List<FaqMatch> used) {
    if (!used.isEmpty()) {
      retriever.recordUse(tenantId, used.stream().map(m -> m.faq().question()).toList());
    }
  }

  static String knowledge(List<FaqMatch> matches) {
    StringBuilder text = new StringBuilder();
    for (FaqMatch match : matches) {
      FaqItem faq = match.faq();
      text.append("Q: ").append(faq.question()).append("\nA: ").append(faq.answer()).append("\n\n");
    }
    return text.toString().strip();
  }
}
