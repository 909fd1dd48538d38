package jp.uketsuke.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The in-process part of {@code GET /faqs/gaps} at 10⁴ caller utterances, all worded differently
 * (the worst case: each is ranked once): ranking each against a tenant's FAQ (the clinic's 70) and
 * grouping the unanswered. The store's part is one paged query (docs/quality.md). Run with {@code
 * bench/quality/run --timing}.
 */
final class FaqGapsTiming {
  private FaqGapsTiming() {}

  public static void main(String[] args) {
    QualitySet set = QualitySet.load();
    QualitySet.Business clinic = set.businesses().get(0);
    FaqIndex index = FaqIndex.build(1, clinic.items());
    List<String> questions = new ArrayList<>();
    set.businesses().forEach(b -> b.questions().forEach(q -> questions.add(q.text())));
    int n = 10_000;
    double threshold = Double.parseDouble(FaqThreshold.CALIBRATED);
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      List<GapClusters.Utterance> gaps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String text = text(questions, i);
        if (!ranksAnswered(index, text, threshold)) {
          gaps.add(new GapClusters.Utterance(text, Integer.toString(n - i)));
        }
      }
      long t1 = System.nanoTime();
      List<GapClusters.Group> groups = GapClusters.of(gaps);
      long t2 = System.nanoTime();
      int bounded = 0;
      int bothGaps = 0;
      for (int i = 0; i < n; i++) { // as UnansweredTurns judges: the bound first
        String text = text(questions, i);
        boolean could = index.couldAnswer(text, threshold);
        if (!could) {
          bounded++;
        }
        if (!(could && ranksAnswered(index, text, threshold))) {
          bothGaps++;
        }
      }
      long t3 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "gaps at %d utterances, round %d: ranking every one %.0f ms, grouping %d unanswered into"
              + " %d groups %.0f ms; judging with the bound first %.0f ms (%d decided by it, %d"
              + " unanswered)%n",
          n,
          round,
          (t1 - t0) / 1e6,
          gaps.size(),
          groups.size(),
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          bounded,
          bothGaps);
    }
  }

  private static String text(List<String> questions, int i) {
    return questions.get(i % questions.size()) + " " + (i / questions.size());
  }

  private static boolean ranksAnswered(FaqIndex index, String text, double threshold) {
    return index.topK(text, 1).stream().anyMatch(m -> m.score() > 0 && m.confidence() >= threshold);
  }
}
