package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import jp.uketsuke.faq.FaqItem;
import jp.uketsuke.faq.FaqStore;

/**
 * The FAQ entries a turn is grounded on. Until ranked retrieval is plugged in, a tenant's first
 * {@code k} entries are sent, and only an entry whose question is the caller's words (ignoring
 * width, case and spacing) is certain enough to answer without a model.
 */
@ApplicationScoped
public class FaqKnowledge {
  @Inject FaqStore store;

  public List<FaqMatch> relevant(String tenantId, String text, int k) {
    String asked = comparable(text);
    return store.all(tenantId).stream()
        .limit(k)
        .map(faq -> new FaqMatch(faq, asked.equals(comparable(faq.question())) ? 1.0 : 0.0))
        .toList();
  }

  private static String comparable(String text) {
    return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s?？。、.!！]", "");
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
