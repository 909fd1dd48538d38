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
 *   <li>offline mode, as the chat engine answers without a model: the first of the top {@value
 *       #GROUNDING_K} answers when its confidence reaches the threshold. For unanswerable questions
 *       the share wrongly answered; for answerable ones the shares answered right (a grade-2 FAQ),
 *       answered wrong, and given the fallback message.
 * </ul>
 *
 * The first three count answerable questions only (those with a grade-2 label).
 */
public final class FaqQuality {
  static final int K = 10;

  /** uketsuke.chat.faq-top-k's default: how many FAQs a turn is grounded on. */
  static final int GROUNDING_K = 8;

  /** uketsuke.chat.faq-threshold's default, the calibrated one. */
  static final double DEFAULT_THRESHOLD = Double.parseDouble(FaqThreshold.CALIBRATED);

  /**
   * What a wrong offline answer costs against the gain of a right one: a caller given a wrong
   * answer acts on it or calls again, one given the fallback message knows to call again (see
   * {@link #calibrate}).
   */
  static final double WRONG_ANSWER_COST = 2;

  private FaqQuality() {}

  /** One question's ranking: the FAQ ids in order and the offline decision's confidence. */
  record Ranked(
      QualitySet.Question question, List<String> ids, List<String> grounded, double[] confidences) {
    /** What ChatEngine answers offline: the first FAQ when it is confident enough, or null. */
    String offline(double threshold) {
      return !grounded.isEmpty() && confidences[0] >= threshold ? grounded.get(0) : null;
    }
  }

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
    // As FaqKnowledge: an unmatched FAQ has confidence 0.
    List<FaqRetriever.Match> grounding =
        index.topK(question.text(), GROUNDING_K).stream().filter(m -> m.score() > 0).toList();
    return new Ranked(
        question,
        ids,
        grounding.stream().map(m -> idOf(business, m.faq())).toList(),
        grounding.stream().mapToDouble(FaqRetriever.Match::confidence).toArray());
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
      String offline = r.offline(threshold);
      boolean answers = offline != null;
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
      } else if (grades.getOrDefault(offline, 0) == 2) {
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

  /**
   * The calibration rule: of the thresholds 0.20, 0.21, ... 0.90, the one with the highest net
   * value, counting +1 for each question answered with a right FAQ, −{@value #WRONG_ANSWER_COST}
   * for each answered with a wrong one (an answerable question given another FAQ, or an
   * unanswerable one given any), 0 for the fallback message; of equal ones the highest.
   */
  static double calibrate(List<Ranked> ranked) {
    double best = 0.90;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int step = 90; step >= 20; step--) {
      double t = step / 100.0;
      Result r = score(ranked, t);
      double value =
          r.answerable() * (r.answeredRight() - WRONG_ANSWER_COST * r.answeredWrong())
              - WRONG_ANSWER_COST * r.unanswerable() * r.wronglyAnswered();
      if (value > bestValue + 1e-9) {
        best = t;
        bestValue = value;
      }
    }
    return best;
  }

  /**
   * Leave one business out: the threshold calibrated on the other three, scored on the one left
   * out, which no choice saw; then all held-out questions together.
   */
  static void printCrossValidation(QualitySet set, List<Ranked> ranked) {
    System.out.println(
        "\ncalibration (" + calibrationRule() + "):\n  on all four: " + calibrate(ranked));
    List<Ranked> heldOut = new ArrayList<>();
    List<Double> thresholds = new ArrayList<>();
    for (QualitySet.Business business : set.businesses()) {
      List<Ranked> own = ranked.stream().filter(r -> ofBusiness(business, r)).toList();
      List<Ranked> others = ranked.stream().filter(r -> !ofBusiness(business, r)).toList();
      double t = calibrate(others);
      thresholds.add(t);
      heldOut.addAll(own);
      System.out.printf(
          Locale.ROOT,
          "  %-10s held out, threshold from the others %.2f: %s%n",
          business.name(),
          t,
          offlineLine(score(own, t)));
    }
    Result pooled = scoreEach(set, ranked, thresholds);
    System.out.println("  all held out together:                          " + offlineLine(pooled));
  }

  private static Result scoreEach(QualitySet set, List<Ranked> ranked, List<Double> thresholds) {
    // Each question answered at the threshold its business was held out with: shift each
    // question's confidences so that one common threshold (0) decides as its own did.
    List<Ranked> shifted = new ArrayList<>();
    for (int b = 0; b < set.businesses().size(); b++) {
      QualitySet.Business business = set.businesses().get(b);
      double t = thresholds.get(b);
      for (Ranked r : ranked) {
        if (ofBusiness(business, r)) {
          double[] c = r.confidences().clone();
          for (int i = 0; i < c.length; i++) {
            c[i] -= t;
          }
          shifted.add(new Ranked(r.question(), r.ids(), r.grounded(), c));
        }
      }
    }
    return score(shifted, 0);
  }

  private static boolean ofBusiness(QualitySet.Business business, Ranked r) {
    return business.questions().contains(r.question());
  }

  static String calibrationRule() {
    return String.format(
        Locale.ROOT,
        "highest value: +1 per right answer, -%.0f per wrong answer or answered unanswerable",
        WRONG_ANSWER_COST);
  }

  static String offlineLine(Result r) {
    return String.format(
        Locale.ROOT,
        "answerable answered right %.3f, wrong %.3f, fell back %.3f; unanswerable answered %.3f",
        r.answeredRight(),
        r.answeredWrong(),
        r.fellBack(),
        r.wronglyAnswered());
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
    System.out.printf(
        Locale.ROOT,
        "%noffline at threshold %.2f: %s%n",
        threshold,
        offlineLine(score(ranked, threshold)));
    printCrossValidation(set, ranked);
    System.out.println("\nthreshold sweep (offline mode):");
    for (double t = 0.2; t <= 0.901; t += 0.05) {
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
    GapClustersTuning.print(set);
    if (options.contains("--misses")) {
      printMisses(ranked, threshold);
    }
    if (options.contains("--timing")) {
      FaqRetrievalTiming.main(new String[0]);
      FaqGapsTiming.main(new String[0]);
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
      if (!r.question().answerable() && r.offline(threshold) != null) {
        System.out.printf(Locale.ROOT, "  %s -> %s%n", r.question().text(), r.offline(threshold));
      }
    }
  }
}
