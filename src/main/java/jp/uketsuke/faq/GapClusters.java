package jp.uketsuke.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Groups what callers said by similarity, greedily in one pass: each utterance joins the first
 * group whose seed (its first utterance) shares enough of its terms (Jaccard ≥ {@link
 * #SIMILARITY}), or starts a group of its own. Terms are those of retrieval's dictionary views:
 * Japanese words in their base form, spoken fillers left out, and the bigrams of their reading, so
 * 駐車場 and ちゅうしゃじょう meet. Only groups that share a term with the utterance are compared (an inverted
 * index of the seeds' terms), so the work grows with the utterances and the groups sharing their
 * words, not with all groups.
 */
final class GapClusters {
  /**
   * Jaccard similarity of term sets that puts two utterances in one group: 0.3 grouped the
   * evaluation set's questions best (F1 of pairs: a caller's question belongs with the FAQ question
   * that answers it and with other callers' questions it answers; docs/quality.md).
   */
  static final double SIMILARITY = 0.3;

  /** Examples a group shows. */
  static final int EXAMPLES = 5;

  private static final Analyzer ANALYZER = new FaqAnalyzer();

  /**
   * Terms of wordings analysed before, over computations: callers repeat themselves, and the
   * Kuromoji analysis of a wording is most of the grouping. The terms are a function of the text
   * alone (no tenant's data in them), so one cache serves every tenant; each list shows only its
   * own tenant's texts.
   */
  private static final Cache<String, Set<String>> TERMS =
      Caffeine.newBuilder().maximumSize(20_000).build();

  /** One thing a caller said, and when. */
  record Utterance(String text, String ts) {}

  /**
   * A group: its most frequent wording, how many utterances, up to {@link #EXAMPLES} distinct
   * wordings (most frequent first), and the newest time it was said.
   */
  record Group(String question, int count, List<String> examples, String lastTs) {}

  private final double similarity;
  private final List<Building> groups = new ArrayList<>();
  private final Map<String, Seeds> seedsByTerm = new HashMap<>();

  /**
   * Scratch of {@link #closest}: terms shared with each group (by its index), and which groups it
   * touched, in the order it met them; zeroed again after each use.
   */
  private int[] shared = new int[64];

  private int[] touched = new int[64];

  GapClusters(double similarity) {
    this.similarity = similarity;
  }

  /** The utterances' groups, most frequent first, then most recent. */
  static List<Group> of(List<Utterance> utterances) {
    GapClusters clusters = new GapClusters(SIMILARITY);
    utterances.forEach(clusters::add);
    return clusters.groups();
  }

  /** Adds the utterance to its group; one with no content terms ("はい", "えーと") to none. */
  void add(Utterance utterance) {
    Set<String> terms = TERMS.get(utterance.text(), text -> Set.copyOf(terms(text)));
    if (terms.isEmpty()) {
      return;
    }
    Building group = closest(terms);
    if (group == null) {
      group = new Building(groups.size(), terms);
      groups.add(group);
      for (String term : terms) {
        seedsByTerm.computeIfAbsent(term, t -> new Seeds()).add(group.index);
      }
    }
    group.add(utterance);
  }

  List<Group> groups() {
    return groups.stream()
        .map(Building::group)
        .sorted(
            Comparator.comparingInt(Group::count)
                .reversed()
                .thenComparing(Group::lastTs, Comparator.reverseOrder())
                .thenComparing(Group::question))
        .toList();
  }

  /** Every group with all its distinct wordings as examples (for measuring the grouping). */
  List<Group> groupsWithAllMembers() {
    return groups.stream()
        .map(
            b ->
                new Group(
                    b.group().question(), b.count, List.copyOf(b.wordings.keySet()), b.lastTs))
        .toList();
  }

  /**
   * The group whose seed is most similar and similar enough, or null; of equally similar ones the
   * one met first (terms in their set's order, each term's groups oldest first). Shared terms are
   * counted in an array by group index: this runs for every utterance, over every group that shares
   * a term with it.
   */
  private Building closest(Set<String> terms) {
    if (shared.length < groups.size()) {
      shared = new int[Math.max(groups.size(), shared.length * 2)];
      touched = new int[shared.length];
    }
    int met = 0;
    for (String term : terms) {
      Seeds seeds = seedsByTerm.get(term);
      if (seeds == null) {
        continue;
      }
      for (int k = 0; k < seeds.size; k++) {
        int group = seeds.groups[k];
        if (shared[group]++ == 0) {
          touched[met++] = group;
        }
      }
    }
    Building best = null;
    double bestSimilarity = 0;
    for (int i = 0; i < met; i++) {
      Building group = groups.get(touched[i]);
      int common = shared[group.index];
      shared[group.index] = 0;
      int union = terms.size() + group.seed.size() - common;
      double jaccard = (double) common / union;
      if (jaccard >= similarity && jaccard > bestSimilarity) {
        best = group;
        bestSimilarity = jaccard;
      }
    }
    return best;
  }

  /**
   * Words and reading bigrams of the text, of two characters or more: what it is about, however it
   * was written. Single characters (the unigrams of the reading, 日, 何) joined unrelated questions.
   */
  static Set<String> terms(String text) {
    Set<String> terms = FaqTerms.distinct(ANALYZER, "query" + FaqAnalyzer.WORDS, text);
    terms.addAll(FaqTerms.distinct(ANALYZER, "query" + FaqAnalyzer.READING, FaqReadings.of(text)));
    terms.removeIf(term -> term.codePointCount(0, term.length()) < 2);
    return terms;
  }

  /** The indexes of the groups whose seed has a term, oldest first. */
  private static final class Seeds {
    int[] groups = new int[4];
    int size;

    void add(int group) {
      if (size == groups.length) {
        groups = Arrays.copyOf(groups, size * 2);
      }
      groups[size++] = group;
    }
  }

  private static final class Building {
    final int index;
    final Set<String> seed;
    final Map<String, Integer> wordings = new LinkedHashMap<>();
    int count;
    String lastTs = "";

    Building(int index, Set<String> seed) {
      this.index = index;
      this.seed = seed;
    }

    void add(Utterance utterance) {
      count++;
      wordings.merge(utterance.text().strip(), 1, Integer::sum);
      if (utterance.ts() != null && utterance.ts().compareTo(lastTs) > 0) {
        lastTs = utterance.ts();
      }
    }

    Group group() {
      List<String> byFrequency =
          wordings.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .map(Map.Entry::getKey)
              .toList();
      return new Group(
          byFrequency.get(0),
          count,
          byFrequency.subList(0, Math.min(EXAMPLES, byFrequency.size())),
          lastTs);
    }
  }
}
