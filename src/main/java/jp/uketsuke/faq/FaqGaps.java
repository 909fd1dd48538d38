package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.calls.AnnotatedTurn;
import jp.uketsuke.calls.CallHistory;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.PageTokens;
import jp.uketsuke.platform.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What callers asked that the FAQ could not answer: the owner's to-do list. A caller's words in the
 * window count when the tenant's FAQ, as it is now, has no answer confident enough for them (the
 * threshold of offline answers), whoever wrote the turn: this service (answered with the model or
 * the fallback message; not those answered from the FAQ or with a tool) or the voice server writing
 * the log itself, whose turns say nothing about how they were answered. Judging against today's FAQ
 * drops a question from the list once the owner has added its answer.
 */
@ApplicationScoped
public class FaqGaps {
  @Inject CallHistory history;
  @Inject FaqRetriever retriever;
  @Inject PageTokens pageTokens;

  @Inject
  @ConfigProperty(name = FaqThreshold.KEY, defaultValue = FaqThreshold.CALIBRATED)
  double threshold;

  /** Log items of the window read at most, newest first (docs/quality.md: the bound). */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-max-read", defaultValue = "20000")
  int maxRead;

  /**
   * Distinct wordings ranked against the FAQ at most, newest first; later utterances count only
   * when their wording was already ranked (docs/quality.md: ranking is most of the work, 0.35–0.8
   * ms a wording on a loaded 2-core machine).
   */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-max-ranked", defaultValue = "1000")
  int maxRanked;

  /** A page of groups and the token of the next one (null on the last). */
  public record Page(List<GapClusters.Group> groups, String nextToken) {}

  /**
   * @param nextToken continues an earlier page: the same window (its end fixed at the first page),
   *     so new calls do not shift the pages
   */
  public Page page(String tenantId, int days, int limit, String nextToken) {
    String query = "gaps|" + days;
    Map<String, AttributeValue> cursor = pageTokens.decode(tenantId, query, nextToken);
    String toTs = cursor == null ? Timestamps.now() : cursor.get("to").s();
    int offset = cursor == null ? 0 : Integer.parseInt(cursor.get("o").n());
    Instant from = Timestamps.parse(toTs, "next_token").minus(Duration.ofDays(days));
    List<GapClusters.Group> groups =
        GapClusters.of(unanswered(tenantId, Timestamps.formatSeconds(from), toTs));
    if (offset > groups.size()) {
      throw ApiException.badRequest("next_token does not continue this list.");
    }
    int end = Math.min(groups.size(), offset + limit);
    String next =
        end < groups.size()
            ? pageTokens.encode(
                tenantId,
                query,
                Map.of("o", AttributeValue.fromN(Integer.toString(end)), "to", s(toTs)))
            : null;
    return new Page(groups.subList(offset, end), next);
  }

  /** The caller's words in the window that no FAQ answers, newest first. */
  private List<GapClusters.Utterance> unanswered(String tenantId, String fromTs, String toTs) {
    Map<String, Boolean> answered = new HashMap<>(); // callers repeat themselves: rank each once
    List<GapClusters.Utterance> gaps = new ArrayList<>();
    for (AnnotatedTurn said : history.callerWords(tenantId, fromTs, toTs, maxRead)) {
      String text = said.turn().userText().strip();
      if (text.isEmpty() || (!answered.containsKey(text) && answered.size() >= maxRanked)) {
        continue;
      }
      if (!answered.computeIfAbsent(text, t -> answers(tenantId, t))) {
        gaps.add(new GapClusters.Utterance(text, said.turn().ts()));
      }
    }
    return gaps;
  }

  private boolean answers(String tenantId, String text) {
    return retriever.topK(tenantId, text, 1).stream()
        .anyMatch(match -> match.score() > 0 && match.confidence() >= threshold);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
