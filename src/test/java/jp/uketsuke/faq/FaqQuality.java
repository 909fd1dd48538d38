package jp.uketsuke.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answer quality of FAQ retrieval on the hand-written set ({@link QualitySet}), through the real
 * {@link FaqIndex}: one index per business, as a tenant has one FAQ. Run with {@code
 * bench/quality/run} (see docs/quality.md).
 *
 * <ul>
 *   <li>Recall@10: share of a question's labelled FAQs (grade 1 or 2) in the first 10;
 *   <li>nDCG@10 with the grade as gain;
 *   <li>Hit@1: the first FAQ answers the question (grade 2);
 *   <li>offline mode, as the chat engine answers without a model: the best of the top {@value
 *       #GROUNDING_K} by confidence answers when its confidence reaches the threshold. For
 *       unanswerable questions the share wrongly answered; for answerable ones the shares answered
 *       right (a grade-2 FAQ), answered wrong, and given the fallback message.
 * </ul>
 *
 * The first three count answerable questions only (those with a grade-2 label).
 */
public final class FaqQuality {
  static final int K = 10;

  /** uketsuke.chat.faq-top-k's default: how many FAQs a turn is grounded on. */
  static final int GROUNDING_K = 8;

  /** uketsuke.chat.faq-threshold's default. */
  static final double DEFAULT_THRESHOLD = 0.5;

  private FaqQuality() {}

  /** One question's ranking: the FAQ ids in order and the offline decision's confidence. */
  record Ranked(QualitySet.Question question, List<String> ids, String offlineId, double best) {}

  record Result(
      int answerable,
      int unanswerable,
      double recall,
      double ndcg,
      double hit1,
      double wronglyAnswered,
      double answeredRight,
      double answeredWrong,
      double fellBack) {
    String line() {
      return String.format(
          Locale.ROOT,
          "Recall@10 %.3f  nDCG@10 %.3f  Hit@1 %.3f  | offline: unanswerable answered %.3f,"
              + " answerable right %.3f / wrong %.3f / fallback %.3f  (%d answerable, %d not)",
          recall,
          ndcg,
          hit1,
          wronglyAnswered,
          answeredRight,
          answeredWrong,
          fellBack,
          answerable,
          unanswerable);
    }
  }

  /** Each business's questions against its own FAQ, as tenants ask. */
  static List<Ranked> rank(QualitySet set) {
    List<Ranked> ranked = new ArrayList<>();
    for (QualitySet.Business business : set.businesses()) {
      FaqIndex index = FaqIndex.build(1, business.items());
      for (QualitySet.Question question : business.questions()) {
        ranked.add(rank(index, business, question));
      }
    }
    return ranked;
  }

  /**
   * Every question against one FAQ of all businesses: a harder ranking (four times the entries,
   * near-duplicates across businesses count as wrong), closer in size to a city's FAQ.
   */
  static List<Ranked> rankPooled(QualitySet set) {
    List<QualitySet.Faq> all = new ArrayList<>();
    set.businesses().forEach(b -> all.addAll(b.faqs()));
    QualitySet.Business pooled = new QualitySet.Business("pooled", List.copyOf(all), List.of());
    FaqIndex index = FaqIndex.build(1, pooled.items());
    List<Ranked> ranked = new ArrayList<>();
    for (QualitySet.Business business : set.businesses()) {
      for (QualitySet.Question question : business.questions()) {
        ranked.add(rank(index, pooled, question));
      }
    }
    return ranked;
  }

  private static Ranked rank(
      FaqIndex index, QualitySet.Business business, QualitySet.Question question) {
    List<String> ids = new ArrayList<>();
    for (FaqRetriever.Match match : index.topK(question.text(), K)) {
      if (match.score() > 0) {
        ids.add(idOf(business, match.faq()));
      }
    }
    // As FaqKnowledge and ChatEngine.offline: an unmatched FAQ has confidence 0.
    FaqRetriever.Match best =
        index.topK(question.text(), GROUNDING_K).stream()
            .filter(m -> m.score() > 0)
            .max(Comparator.comparingDouble(FaqRetriever.Match::confidence))
            .orElse(null);
    return new Ranked(
        question,
        ids,
        best == null ? null : idOf(business, best.faq()),
        best == null ? 0 : best.confidence());
  }

  private static String idOf(QualitySet.Business business, FaqItem faq) {
    return business.faqs().stream()
        .filter(f -> f.item().equals(faq))
        .findFirst()
        .orElseThrow()
        .id();
  }

  static Result score(List<Ranked> ranked, double threshold) {
    int answerable = 0;
    int unanswerable = 0;
    double recall = 0;
    double ndcg = 0;
    double hit1 = 0;
    int wrongly = 0;
    int right = 0;
    int wrong = 0;
    int fell = 0;
    for (Ranked r : ranked) {
      Map<String, Integer> grades = r.question().grades();
      boolean answers = r.offlineId() != null && r.best() >= threshold;
      if (!r.question().answerable()) {
        unanswerable++;
        wrongly += answers ? 1 : 0;
        continue;
      }
      answerable++;
      recall += recall(r.ids(), grades);
      ndcg += ndcg(r.ids(), grades);
      hit1 += !r.ids().isEmpty() && grades.getOrDefault(r.ids().get(0), 0) == 2 ? 1 : 0;
      if (!answers) {
        fell++;
      } else if (grades.getOrDefault(r.offlineId(), 0) == 2) {
        right++;
      } else {
        wrong++;
      }
    }
    return new Result(
        answerable,
        unanswerable,
        recall / answerable,
        ndcg / answerable,
        hit1 / answerable,
        unanswerable == 0 ? 0 : (double) wrongly / unanswerable,
        (double) right / answerable,
        (double) wrong / answerable,
        (double) fell / answerable);
  }

  private static double recall(List<String> ids, Map<String, Integer> grades) {
    long relevant = grades.values().stream().filter(g -> g > 0).count();
    long found = ids.stream().limit(K).filter(id -> grades.getOrDefault(id, 0) > 0).count();
    return (double) found / relevant;
  }

  private static double ndcg(List<String> ids, Map<String, Integer> grades) {
    double dcg = 0;
    for (int i = 0; i < Math.min(K, ids.size()); i++) {
      dcg += grades.getOrDefault(ids.get(i), 0) / log2(i + 2);
    }
    int[] ideal =
        grades.values().stream().sorted(Comparator.reverseOrder()).mapToInt(i -> i).toArray();
    double idcg = 0;
    for (int i = 0; i < Math.min(K, ideal.length); i++) {
      idcg += ideal[i] / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Prints the scores at the threshold (first argument, default 0.5), a threshold sweep, and with
   * {@code --misses} every answerable question whose best FAQ is not first, with {@code --timing}
   * retrieval time at 10,000 FAQs.
   */
  public static void main(String[] args) {
    List<String> options = Arrays.asList(args);
    double threshold =
        options.stream()
            .filter(a -> !a.startsWith("--"))
            .findFirst()
            .map(Double::parseDouble)
            .orElse(DEFAULT_THRESHOLD);
    QualitySet set = QualitySet.load();
    List<Ranked> ranked = rank(set);
    System.out.printf(
        Locale.ROOT,
        "%d FAQs, %d questions%n",
        set.businesses().stream().mapToInt(b -> b.faqs().size()).sum(),
        ranked.size());
    System.out.println("per tenant " + score(ranked, threshold).line());
    System.out.println("pooled     " + score(rankPooled(set), threshold).line());
    for (QualitySet.Business business : set.businesses()) {
      List<Ranked> own =
          ranked.stream().filter(r -> business.questions().contains(r.question())).toList();
      System.out.printf(Locale.ROOT, "%-10s %s%n", business.name(), score(own, threshold).line());
    }
    System.out.println("\nthreshold sweep (offline mode):");
    for (double t = 0.3; t <= 0.901; t += 0.05) {
      Result r = score(ranked, t);
      System.out.printf(
          Locale.ROOT,
          "  %.2f  unanswerable answered %.3f  answerable right %.3f wrong %.3f fallback %.3f%n",
          t,
          r.wronglyAnswered(),
          r.answeredRight(),
          r.answeredWrong(),
          r.fellBack());
    }
    if (options.contains("--misses")) {
      printMisses(ranked, threshold);
    }
    if (options.contains("--timing")) {
      FaqRetrievalTiming.main(new String[0]);
    }
  }

  private static void printMisses(List<Ranked> ranked, double threshold) {
    System.out.println("\nanswerable, best FAQ not first (labels | top 3):");
    for (Ranked r : ranked) {
      Map<String, Integer> grades = r.question().grades();
      if (r.question().answerable()
          && (r.ids().isEmpty() || grades.getOrDefault(r.ids().get(0), 0) != 2)) {
        System.out.printf(
            "  %s  %s | %s%n",
            r.question().text(), grades, r.ids().subList(0, Math.min(3, r.ids().size())));
      }
    }
    System.out.println("\nunanswerable, answered offline:");
    for (Ranked r : ranked) {
      if (!r.question().answerable() && r.offlineId() != null && r.best() >= threshold) {
        System.out.printf(
            Locale.ROOT, "  %s -> %s (%.2f)%n", r.question().text(), r.offlineId(), r.best());
      }
    }
  }
}
