package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How /faqs/gaps groups what callers said: paraphrases together, other questions apart. */
class GapClustersTest {

  private static GapClusters.Utterance said(String text, String ts) {
    return new GapClusters.Utterance(text, ts);
  }

  @Test
  void paraphrasesInKanaAndKanjiFormOneGroupCountedAndNewestLast() {
    List<GapClusters.Group> groups =
        GapClusters.of(
            List.of(
                said("日曜日って診察してますか", "2026-12-04T10:00:04.000000+00:00"),
                said("にちようびは診察してますか", "2026-12-04T10:00:03.000000+00:00"),
                said("日曜日の診察はありますか", "2026-12-04T10:00:02.000000+00:00"),
                said("日曜日って診察してますか", "2026-12-04T10:00:01.000000+00:00"),
                said("予防接種の料金を教えてください", "2026-12-04T10:00:05.000000+00:00")));
    assertThat(groups).hasSize(2);
    GapClusters.Group first = groups.get(0);
    assertThat(first.count()).isEqualTo(4);
    assertThat(first.question()).isEqualTo("日曜日って診察してますか");
    assertThat(first.examples()).containsExactly("日曜日って診察してますか", "にちようびは診察してますか", "日曜日の診察はありますか");
    assertThat(first.lastTs()).isEqualTo("2026-12-04T10:00:04.000000+00:00");
    assertThat(groups.get(1).question()).isEqualTo("予防接種の料金を教えてください");
  }

  @Test
  void differentQuestionsStayApartAndFillersAloneAreNoQuestion() {
    List<GapClusters.Group> groups =
        GapClusters.of(
            List.of(
                said("ペットは連れて行けますか", "1"),
                said("領収書はもらえますか", "2"),
                said("個室はありますか", "3"),
                said("えーと", "4")));
    assertThat(groups)
        .extracting(GapClusters.Group::question)
        .containsExactlyInAnyOrder("ペットは連れて行けますか", "領収書はもらえますか", "個室はありますか");
  }

  @Test
  void aGroupShowsAtMostFiveExamples() {
    List<GapClusters.Utterance> many =
        List.of(
            said("駐車場はありますか", "1"),
            said("駐車場ありますか", "2"),
            said("駐車場ってありますか", "3"),
            said("ちゅうしゃじょうはありますか", "4"),
            said("駐車場はありますかね", "5"),
            said("えーと駐車場はありますか", "6"),
            said("あの駐車場ありますか", "7"));
    List<GapClusters.Group> groups = GapClusters.of(many);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).count()).isEqualTo(7);
    assertThat(groups.get(0).examples()).hasSize(5);
  }

  /**
   * The grouping counts shared terms in an array by group index; the groups must be exactly those
   * of the plain rule (a map of shared counts, in the order the terms meet the seeds): the
   * evaluation set's questions, repeated with Zipf-like popularity in a random order, as a phone
   * line repeats them.
   */
  @Test
  void groupsAreExactlyThoseOfThePlainRuleOverManyRepeatedQuestions() {
    List<String> questions = new ArrayList<>();
    QualitySet.load()
        .businesses()
        .forEach(b -> b.questions().forEach(q -> questions.add(q.text())));
    Random random = new Random(7);
    List<GapClusters.Utterance> said = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int rank = (int) Math.min(questions.size() - 1, Math.floor(1 / (random.nextDouble() + 1e-3)));
      int pick = random.nextInt(4) == 0 ? random.nextInt(questions.size()) : rank * 7;
      said.add(said(questions.get(pick % questions.size()), Integer.toString(i)));
    }
    GapClusters clusters = new GapClusters(GapClusters.SIMILARITY);
    said.forEach(clusters::add);

    assertThat(clusters.groupsWithAllMembers())
        .extracting(g -> List.of(g.count(), g.examples()))
        .hasSizeGreaterThan(50)
        .isEqualTo(plainRule(said));
  }

  /** Per group in the order they started: its count and its distinct wordings, first seen first. */
  private static List<List<Object>> plainRule(List<GapClusters.Utterance> said) {
    List<Set<String>> seeds = new ArrayList<>();
    List<Map<String, Integer>> wordings = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    Map<String, List<Integer>> seedsByTerm = new LinkedHashMap<>();
    for (GapClusters.Utterance utterance : said) {
      Set<String> terms = Set.copyOf(GapClusters.terms(utterance.text()));
      if (terms.isEmpty()) {
        continue;
      }
      Map<Integer, Integer> shared = new LinkedHashMap<>();
      for (String term : terms) {
        for (int group : seedsByTerm.getOrDefault(term, List.of())) {
          shared.merge(group, 1, Integer::sum);
        }
      }
      int best = -1;
      double bestSimilarity = 0;
      for (Map.Entry<Integer, Integer> entry : shared.entrySet()) {
        int common = entry.getValue();
        double jaccard =
            (double) common / (terms.size() + seeds.get(entry.getKey()).size() - common);
        if (jaccard >= GapClusters.SIMILARITY && jaccard > bestSimilarity) {
          best = entry.getKey();
          bestSimilarity = jaccard;
        }
      }
      if (best < 0) {
        best = seeds.size();
        seeds.add(terms);
        wordings.add(new LinkedHashMap<>());
        counts.add(0);
        for (String term : terms) {
          seedsByTerm.computeIfAbsent(term, t -> new ArrayList<>()).add(best);
        }
      }
      counts.set(best, counts.get(best) + 1);
      wordings.get(best).merge(utterance.text().strip(), 1, Integer::sum);
    }
    List<List<Object>> groups = new ArrayList<>();
    for (int g = 0; g < seeds.size(); g++) {
      groups.add(List.of(counts.get(g), List.copyOf(wordings.get(g).keySet())));
    }
    return groups;
  }
}
