package jp.uketsuke.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The caller's words of a window that the tenant's FAQ, as it is now, does not answer (the
 * threshold of offline answers), within the bounds of {@code /faqs/gaps}' work. Whether a wording
 * is answered is remembered per tenant and FAQ version across requests: callers repeat themselves
 * from one month to the next, and every page and every owner's look at the list asks again.
 */
@ApplicationScoped
class UnansweredTurns {
  /**
   * Wordings whose answer is remembered, over all tenants and versions (least recently used go
   * first): about 10 MB at ~200 bytes each, ten tenants' worth of distinct wordings at the cap.
   */
  static final int REMEMBERED = 50_000;

  @Inject RecentCallerWords callerWords;
  @Inject FaqRetriever retriever;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = FaqThreshold.KEY, defaultValue = FaqThreshold.CALIBRATED)
  double threshold;

  /**
   * Distinct wordings ranked against the FAQ at most, newest first; later utterances count only
   * when their wording was already ranked (docs/quality.md: ranking is most of the work).
   */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-max-ranked", defaultValue = "1000")
  int maxRanked;

  private final Cache<Wording, Boolean> answered =
      Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  /**
   * @param partial a bound cut the work: older caller words of the window were not read, or later
   *     wordings not ranked
   */
  record Found(long faqVersion, List<GapClusters.Utterance> utterances, boolean partial) {}

  private record Wording(String tenantId, long faqVersion, String text) {}

  /**
   * The caller's words in {@code [fromTs, toTs]} that no FAQ answers, newest first.
   *
   * @param kind what the read of the log is counted as on {@code /metrics} ({@code kind} label)
   */
  Found in(String tenantId, String fromTs, String toTs, String kind) {
    FaqIndex index = retriever.index(tenantId);
    RecentCallerWords.Window said = callerWords.between(tenantId, fromTs, toTs);
    counted(kind, said);
    Map<String, Boolean> ranked = new LinkedHashMap<>();
    boolean unranked = false;
    for (RecentCallerWords.Said word : said.words()) {
      String text = word.text();
      if (ranked.containsKey(text)) {
        continue;
      }
      if (ranked.size() >= maxRanked) {
        unranked = true;
        continue;
      }
      ranked.put(text, answered.getIfPresent(new Wording(tenantId, index.version(), text)));
    }
    judge(tenantId, index, ranked);
    List<GapClusters.Utterance> gaps = new ArrayList<>();
    for (RecentCallerWords.Said word : said.words()) {
      if (Boolean.FALSE.equals(ranked.get(word.text()))) {
        gaps.add(new GapClusters.Utterance(word.text(), word.ts()));
      }
    }
    return new Found(index.version(), gaps, unranked || said.partial());
  }

  /**
   * Decides the wordings not remembered yet ({@code null} in {@code ranked}) all at once, as an
   * offline answer would (its best FAQ reaches the threshold), so that with embeddings on their
   * vectors are asked for in batches rather than one call each; remembers what it decided.
   *
   * <p>A wording no FAQ could answer at that threshold is decided without ranking (nor embedding)
   * it: whatever a ranking put first, lexical or fused, its confidence is lexical and at most the
   * best any FAQ has ({@link FaqIndex#couldAnswer}). That is most of them: the list is made of what
   * the FAQ does not answer.
   */
  private void judge(String tenantId, FaqIndex index, Map<String, Boolean> ranked) {
    List<String> open = new ArrayList<>();
    for (Map.Entry<String, Boolean> wording : ranked.entrySet()) {
      if (wording.getValue() == null) {
        if (index.couldAnswer(wording.getKey(), threshold)) {
          open.add(wording.getKey());
        } else {
          decided(tenantId, index, ranked, wording.getKey(), false);
        }
      }
    }
    if (open.isEmpty()) {
      return;
    }
    List<List<FaqRetriever.Match>> best = retriever.topKEach(tenantId, index, open, 1);
    for (int i = 0; i < open.size(); i++) {
      boolean answers =
          best.get(i).stream()
              .anyMatch(match -> match.score() > 0 && match.confidence() >= threshold);
      decided(tenantId, index, ranked, open.get(i), answers);
    }
  }

  private void decided(
      String tenantId, FaqIndex index, Map<String, Boolean> ranked, String text, boolean answers) {
    ranked.put(text, answers);
    answered.put(new Wording(tenantId, index.version(), text), answers);
  }

  /**
   * Reads of the log ({@code uketsuke_faq_gaps_reads_total} by kind) and the items they read
   * ({@code uketsuke_faq_gaps_read_items_total}) on {@code /metrics}: what the reuse of work saves.
   */
  private void counted(String kind, RecentCallerWords.Window said) {
    metrics.counter("uketsuke.faq.gaps.reads", new Tag("kind", kind)).inc(said.reads());
    metrics.counter("uketsuke.faq.gaps.read.items", new Tag("kind", kind)).inc(said.read());
  }
}
