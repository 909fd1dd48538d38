package jp.uketsuke.faq;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 *
 * <p>The groups of a window are computed once and kept for its later pages (whose window is fixed
 * by the first page) and, for {@code uketsuke.faq.gaps-reuse}, for the next first page: a month's
 * list that is a minute old is as useful, and reading a month of the log is most of the work. A
 * change of the FAQ computes them again. Requests that need the same window's groups at once wait
 * for one computation (first pages share the window of the first of them).
 */
@ApplicationScoped
public class FaqGaps {
  /** Groups kept over all tenants and windows: a few MB (each has at most 5 examples). */
  static final int KEPT_GROUPS = 50_000;

  /** How long the groups of a window stay for its later pages after the last page was read. */
  static final Duration PAGES_KEPT = Duration.ofMinutes(10);

  @Inject UnansweredTurns unanswered;
  @Inject FaqRetriever retriever;
  @Inject PageTokens pageTokens;

  /**
   * How long the groups of the latest window serve a new first page (whose window then ends when
   * that one did); {@code PT0S} computes every first page afresh.
   */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-reuse", defaultValue = "PT1M")
  Duration reuse;

  /**
   * A page of groups and the token of the next one (null on the last); {@code partial} when a bound
   * of the work (items read, wordings ranked) left caller words of the window out.
   */
  public record Page(List<GapClusters.Group> groups, String nextToken, boolean partial) {}

  private record Window(String tenantId, int days, String toTs) {}

  private record Latest(String tenantId, int days) {}

  private record Computed(long faqVersion, List<GapClusters.Group> groups, boolean partial) {}

  /** A window's groups, or their computation while it runs (which later requests wait for). */
  private final AsyncCache<Window, Computed> computed =
      Caffeine.newBuilder()
          .maximumWeight(KEPT_GROUPS)
          .<Window, Computed>weigher((window, groups) -> 1 + groups.groups().size())
          .expireAfterAccess(PAGES_KEPT)
          .buildAsync();

  /** The end of each tenant's latest window of {@code days}, while a first page may reuse it. */
  private Cache<Latest, String> latest;

  @PostConstruct
  void start() {
    Duration life = reuse.isNegative() || reuse.isZero() ? Duration.ofNanos(1) : reuse;
    latest = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(life).build();
  }

  /**
   * @param nextToken continues an earlier page: the same window (its end fixed at the first page),
   *     so new calls do not shift the pages
   */
  public Page page(String tenantId, int days, int limit, String nextToken) {
    String query = "gaps|" + days;
    Map<String, AttributeValue> cursor = pageTokens.decode(tenantId, query, nextToken);
    long faqVersion = retriever.index(tenantId).version();
    String toTs =
        cursor != null
            ? cursor.get("to").s()
            : latest.get(new Latest(tenantId, days), unused -> Timestamps.now());
    Window window = new Window(tenantId, days, toTs);
    Computed groups = groups(window, faqVersion);
    int offset = cursor == null ? 0 : Integer.parseInt(cursor.get("o").n());
    return slice(window, query, groups, offset, limit);
  }

  private Page slice(Window window, String query, Computed groups, int offset, int limit) {
    List<GapClusters.Group> all = groups.groups();
    if (offset > all.size()) {
      throw ApiException.badRequest("next_token does not continue this list.");
    }
    int end = Math.min(all.size(), offset + limit);
    String next =
        end < all.size()
            ? pageTokens.encode(
                window.tenantId(),
                query,
                Map.of(
                    "o",
                    AttributeValue.fromN(Integer.toString(end)),
                    "to",
                    AttributeValue.fromS(window.toTs())))
            : null;
    return new Page(all.subList(offset, end), next, groups.partial());
  }

  /**
   * The window's groups at the FAQ version: kept from an earlier request, awaited while another
   * request computes them, or computed here (once, however many requests ask meanwhile).
   */
  private Computed groups(Window window, long faqVersion) {
    while (true) {
      CompletableFuture<Computed> mine = new CompletableFuture<>();
      CompletableFuture<Computed> kept = computed.asMap().putIfAbsent(window, mine);
      if (kept == null) {
        return computeInto(window, mine);
      }
      Computed groups = await(kept);
      if (groups.faqVersion() == faqVersion) {
        return groups;
      }
      if (computed.asMap().replace(window, kept, mine)) {
        return computeInto(window, mine);
      }
    }
  }

  private Computed computeInto(Window window, CompletableFuture<Computed> result) {
    try {
      Computed groups = compute(window);
      result.complete(groups);
      return groups;
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e); // the cache drops it: the next request tries again
      throw e;
    }
  }

  /** Whoever computed the groups failed: so does this request, with the same problem. */
  private static Computed await(CompletableFuture<Computed> groups) {
    try {
      return groups.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  private Computed compute(Window window) {
    Instant from =
        Timestamps.parse(window.toTs(), "next_token").minus(Duration.ofDays(window.days()));
    UnansweredTurns.Found found =
        unanswered.in(window.tenantId(), Timestamps.formatSeconds(from), window.toTs());
    return new Computed(found.faqVersion(), GapClusters.of(found.utterances()), found.partial());
  }
}
