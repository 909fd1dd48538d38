package jp.uketsuke.faq;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.calls.CallLogChanged;
import jp.uketsuke.calls.CallLogChanges;
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
 *
 * <p>After that, up to {@code uketsuke.faq.gaps-refresh-within}, a first page still gets the latest
 * window's groups at once while a new window is computed in the background, for the first pages
 * after it: a tenant that owners look at keeps its list fresh without any of them waiting for a
 * month of the log to be read. Only the first look of a tenant on a pod (or after a quiet spell, or
 * a change of the FAQ) waits for the computation, and that reads the whole month only when the pod
 * does not keep the tenant's caller words ({@link RecentCallerWords}).
 *
 * <p>An edit or delete of the log through any pod ({@link CallLogChanged}: at once on the pod that
 * made it, on the others at their next look, {@link CallLogChanges#catchUp}) drops the tenant's
 * groups, so a deleted call's or an erased caller's words leave the list at once.
 */
@ApplicationScoped
public class FaqGaps {
  private static final Logger LOG = Logger.getLogger(FaqGaps.class.getName());

  /** Groups kept over all tenants and windows: a few MB (each has at most 5 examples). */
  static final int KEPT_GROUPS = 50_000;

  /** What a computation of groups is counted as on {@code /metrics}: for a request waiting. */
  static final String REQUEST = "request";

  /** ... or in the background, for the first pages after it. */
  static final String REFRESH = "refresh";

  /** How long the groups of a window stay for its later pages after the last page was read. */
  static final Duration PAGES_KEPT = Duration.ofMinutes(10);

  @Inject UnansweredTurns unanswered;
  @Inject FaqRetriever retriever;
  @Inject PageTokens pageTokens;
  @Inject CallLogChanges logChanges;

  @Resource(lookup = "concurrent/background")
  ManagedScheduledExecutorService background;

  /**
   * How long the groups of the latest window serve a new first page (whose window then ends when
   * that one did); {@code PT0S} computes every first page afresh.
   */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-reuse", defaultValue = "PT1M")
  Duration reuse;

  /**
   * How long after its end the latest window still answers a new first page at once while a newer
   * one is computed in the background; a list is never older than this plus a computation. At or
   * below the reuse, or with the reuse off ({@code PT0S}), every first page after the reuse waits.
   */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-refresh-within", defaultValue = "PT15M")
  Duration refreshWithin;

  /**
   * A page of groups and the token of the next one (null on the last); {@code partial} when a bound
   * of the work (items read, wordings ranked) left caller words of the window out.
   */
  public record Page(List<GapClusters.Group> groups, String nextToken, boolean partial) {}

  private record Window(String tenantId, int days, String toTs) {}

  private record Latest(String tenantId, int days) {}

  /** The end of a tenant's latest window, as a log timestamp and as an instant. */
  private record LatestWindow(String toTs, Instant endedAt) {}

  private record Computed(long faqVersion, List<GapClusters.Group> groups, boolean partial) {}

  /** A window's groups, or their computation while it runs (which later requests wait for). */
  private final AsyncCache<Window, Computed> computed =
      Caffeine.newBuilder()
          .maximumWeight(KEPT_GROUPS)
          .<Window, Computed>weigher((window, groups) -> 1 + groups.groups().size())
          .expireAfterAccess(PAGES_KEPT)
          .buildAsync();

  /** Each tenant's latest window of {@code days}, while a first page may use it. */
  private Cache<Latest, LatestWindow> latest;

  /** Tenants and {@code days} whose next window is being computed in the background. */
  private final Set<Latest> refreshing = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void start() {
    Duration life = reuse.isNegative() || reuse.isZero() ? Duration.ofNanos(1) : reuse;
    if (life.compareTo(reuse) == 0 && refreshWithin.compareTo(life) > 0) {
      life = refreshWithin;
    }
    latest = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(life).build();
  }

  /**
   * @param nextToken continues an earlier page: the same window (its end fixed at the first page),
   *     so new calls do not shift the pages
   */
  public Page page(String tenantId, int days, int limit, String nextToken) {
    logChanges.catchUp(tenantId); // another pod's delete drops what this pod keeps
    String query = "gaps|" + days;
    Map<String, AttributeValue> cursor = pageTokens.decode(tenantId, query, nextToken);
    long faqVersion = retriever.index(tenantId).version();
    if (cursor != null) {
      Window window = new Window(tenantId, days, cursor.get("to").s());
      return slice(
          window,
          query,
          groups(window, faqVersion, REQUEST),
          Integer.parseInt(cursor.get("o").n()),
          limit);
    }
    Latest key = new Latest(tenantId, days);
    LatestWindow last = latest.getIfPresent(key);
    if (last != null && Duration.between(last.endedAt(), Instant.now()).compareTo(reuse) > 0) {
      Window window = new Window(tenantId, days, last.toTs());
      Computed ready = ready(window, faqVersion);
      if (ready != null) {
        refresh(key, faqVersion);
        return slice(window, query, ready, 0, limit);
      }
      latest.invalidate(key);
    }
    LatestWindow current =
        latest.get(key, unused -> new LatestWindow(Timestamps.now(), Instant.now()));
    Window window = new Window(tenantId, days, current.toTs());
    return slice(window, query, groups(window, faqVersion, REQUEST), 0, limit);
  }

  /**
   * A tenant's log was edited or deleted (through this pod, or another pod as this one learnt at a
   * look): its groups are computed again, so a deleted call's or an erased caller's words leave the
   * list at once.
   */
  void changed(@Observes CallLogChanged change) {
    computed.asMap().keySet().removeIf(window -> window.tenantId().equals(change.tenantId()));
    latest.asMap().keySet().removeIf(last -> last.tenantId().equals(change.tenantId()));
  }

  /**
   * The owner changed the FAQ through this pod: the lists this pod has shown the tenant lately
   * (each {@code days} whose latest window a first page may still use) are computed again in the
   * background against the new FAQ, so the owner who has just added an answer and looks at the list
   * again finds it judged already instead of waiting for every wording to be judged again. Other
   * pods learn of the change at their FAQ check and compute at their next look, as before.
   */
  void faqChanged(@Observes FaqChanged change) {
    for (Latest key : List.copyOf(latest.asMap().keySet())) {
      if (key.tenantId().equals(change.tenantId())) {
        refresh(key, change.version());
      }
    }
  }

  /** The window's groups when computed and kept for this FAQ version, else null; never waits. */
  private Computed ready(Window window, long faqVersion) {
    CompletableFuture<Computed> kept = computed.getIfPresent(window);
    if (kept == null || !kept.isDone() || kept.isCompletedExceptionally()) {
      return null;
    }
    Computed groups = kept.join();
    return groups.faqVersion() == faqVersion ? groups : null;
  }

  /**
   * Computes a window ending now in the background (one at a time per tenant and {@code days}),
   * which then answers the next first pages; a failure leaves the latest window as it was.
   */
  private void refresh(Latest key, long faqVersion) {
    if (!refreshing.add(key)) {
      return;
    }
    String toTs = Timestamps.now();
    try {
      background.execute(
          () -> {
            try {
              // At that version (a FAQ change may be newer than this pod's last check of it).
              long version = retriever.index(key.tenantId(), faqVersion).version();
              groups(new Window(key.tenantId(), key.days(), toTs), version, REFRESH);
              latest.put(key, new LatestWindow(toTs, Instant.now()));
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "the list of unanswered questions was not refreshed", e);
            } finally {
              refreshing.remove(key);
            }
          });
    } catch (RuntimeException e) { // the executor refused (the application is stopping)
      refreshing.remove(key);
    }
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
  private Computed groups(Window window, long faqVersion, String kind) {
    while (true) {
      CompletableFuture<Computed> mine = new CompletableFuture<>();
      CompletableFuture<Computed> kept = computed.asMap().putIfAbsent(window, mine);
      if (kept == null) {
        return computeInto(window, mine, kind);
      }
      Computed groups = await(kept);
      if (groups.faqVersion() == faqVersion) {
        return groups;
      }
      if (computed.asMap().replace(window, kept, mine)) {
        return computeInto(window, mine, kind);
      }
    }
  }

  private Computed computeInto(Window window, CompletableFuture<Computed> result, String kind) {
    try {
      Computed groups = compute(window, kind);
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

  private Computed compute(Window window, String kind) {
    Instant from =
        Timestamps.parse(window.toTs(), "next_token").minus(Duration.ofDays(window.days()));
    UnansweredTurns.Found found =
        unanswered.in(window.tenantId(), Timestamps.formatSeconds(from), window.toTs(), kind);
    return new Computed(found.faqVersion(), GapClusters.of(found.utterances()), found.partial());
  }
}
