package jp.uketsuke.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well {@link GapClusters} groups paraphrases, on the evaluation set: a caller's question
 * belongs with the question of the FAQ that answers it (grade 2) and with other callers' questions
 * that FAQ answers; an unanswerable question with none. Pairwise precision and recall per Jaccard
 * threshold, each business on its own (run by bench/quality/run; docs/quality.md).
 */
final class GapClustersTuning {
  private GapClustersTuning() {}

  static void print(QualitySet set) {
    System.out.println(
        "\n/faqs/gaps grouping of callers' and FAQ questions, by Jaccard threshold (pairs that"
            + " one FAQ answers; default "
            + GapClusters.SIMILARITY
            + "):");
    for (double similarity : new double[] {0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
      long truePairs = 0;
      long predicted = 0;
      long correct = 0;
      for (QualitySet.Business business : set.businesses()) {
        GapClusters clusters = new GapClusters(similarity);
        Map<String, String> truth = new HashMap<>();
        for (QualitySet.Question q : business.questions()) {
          clusters.add(new GapClusters.Utterance(q.text(), ""));
          truth.put(q.text().strip(), answering(q));
        }
        // Each FAQ's own question belongs with the callers' questions it answers.
        for (QualitySet.Faq faq : business.faqs()) {
          clusters.add(new GapClusters.Utterance(faq.item().question(), ""));
          truth.putIfAbsent(faq.item().question().strip(), faq.id());
        }
        List<String> texts = new ArrayList<>(truth.keySet());
        Map<String, Integer> groupOf = new HashMap<>();
        int g = 0;
        for (GapClusters.Group group : clusters.groupsWithAllMembers()) {
          for (String text : group.examples()) {
            groupOf.put(text, g);
          }
          g++;
        }
        for (int i = 0; i < texts.size(); i++) {
          for (int j = i + 1; j < texts.size(); j++) {
            String a = truth.get(texts.get(i));
            boolean same = a != null && a.equals(truth.get(texts.get(j)));
            Integer ga = groupOf.get(texts.get(i));
            boolean together = ga != null && ga.equals(groupOf.get(texts.get(j)));
            truePairs += same ? 1 : 0;
            predicted += together ? 1 : 0;
            correct += same && together ? 1 : 0;
          }
        }
      }
      double precision = predicted == 0 ? 1 : (double) correct / predicted;
      double recall = (double) correct / truePairs;
      System.out.printf(
          Locale.ROOT,
          "  %.2f  precision %.3f  recall %.3f  F1 %.3f%n",
          similarity,
          precision,
          recall,
          2 * precision * recall / (precision + recall));
    }
  }

  private static String answering(QualitySet.Question q) {
    return q.grades().entrySet().stream()
        .filter(e -> e.getValue() == 2)
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElse(null);
  }

  public static void main(String[] args) {
    print(QualitySet.load());
  }
}
