package jp.uketsuke.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jp.uketsuke.calls.CallHistory;
import jp.uketsuke.calls.CallLogChanged;
import jp.uketsuke.platform.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's words of a tenant's recent log, kept by this pod so that a month is read from the
 * store once, not at every look at {@code /faqs/gaps}: a later window reads only the turns since
 * the kept ones ended, from {@link #OVERLAP} before that end (turns another writer stored a little
 * late, and the time index's own lag), and the days before the kept ones began when it reaches
 * further back.
 *
 * <p>What a later read cannot see is made good by reading everything again after {@code
 * uketsuke.faq.gaps-full-read-every}: turns written with a time older than the overlap, and turns
 * other writers (the voice server) edited or deleted. Edits and deletes made through this service
 * ({@link CallLogChanged}, on this pod or another) drop the tenant's words, so an erased caller's
 * words are not shown.
 */
@ApplicationScoped
class RecentCallerWords {
  /** A later read starts this long before the end of the kept words. */
  static final Duration OVERLAP = Duration.ofMinutes(5);

  /**
   * Characters of caller words kept over all tenants (least recently used tenant goes first): about
   * 40 MB, twenty tenants with a month of 10⁴ turns of ~100 characters.
   */
  static final long KEPT_CHARS = 20_000_000;

  /** What a kept word costs besides its text, in characters (keys, timestamp, list entry). */
  private static final int WORD_OVERHEAD = 100;

  @Inject CallHistory history;

  /** Log items one read of the store reads at most, newest first (docs/quality.md: the bound). */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-max-read", defaultValue = "20000")
  int maxRead;

  /** How long kept words serve later windows before everything is read again. */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.gaps-full-read-every", defaultValue = "PT10M")
  Duration fullReadEvery;

  /** One caller utterance: its log key, time and words (never blank). */
  record Said(String key, String ts, String text) {}

  /**
   * The caller's words of a window, newest first.
   *
   * @param reads reads of the store this call made (0 when all were kept)
   * @param read log items they read
   * @param partial older caller words of the window were left out by the read bound
   */
  record Window(List<Said> words, int reads, int read, boolean partial) {}

  /**
   * A tenant's kept words, newest first, complete for {@code lo <= ts <= hi} (for {@code lo < ts}
   * when {@code cut}: the read bound stopped at {@code lo}, older words were not read).
   */
  private record Kept(String lo, String hi, boolean cut, List<Said> words, Instant fullAt) {
    long chars() {
      return words.stream().mapToLong(w -> w.text().length() + WORD_OVERHEAD).sum();
    }

    boolean partialFor(String fromTs) {
      return cut && fromTs.compareTo(lo) <= 0;
    }

    List<Said> within(String fromTs, String toTs) {
      return words.stream()
          .filter(w -> w.ts().compareTo(fromTs) >= 0 && w.ts().compareTo(toTs) <= 0)
          .toList();
    }
  }

  private final Cache<String, Kept> kept =
      Caffeine.newBuilder()
          .maximumWeight(KEPT_CHARS)
          .<String, Kept>weigher(
              (tenant, words) -> (int) Math.min(Integer.MAX_VALUE, words.chars()))
          .build();

  /** When a full read happened (tests move it). */
  Clock clock = Clock.systemUTC();

  /** Counts changes of any tenant's log, so that a read that overlapped one is not kept. */
  private final AtomicLong changes = new AtomicLong();

  /** The caller's words of {@code [fromTs, toTs]}, newest first, read or kept. */
  Window between(String tenantId, String fromTs, String toTs) {
    long seen = changes.get();
    Kept before = kept.getIfPresent(tenantId);
    Instant now = clock.instant();
    if (before == null || Duration.between(before.fullAt(), now).compareTo(fullReadEvery) >= 0) {
      CallHistory.CallerWords all = history.callerWords(tenantId, fromTs, toTs, maxRead);
      Kept read = keep(tenantId, seen, of(fromTs, toTs, said(all.words()), all.cut(), now));
      return new Window(read.within(fromTs, toTs), 1, all.read(), all.cut());
    }
    int reads = 0;
    int items = 0;
    Kept merged = before;
    if (toTs.compareTo(before.hi()) > 0) {
      String tailFrom = later(before.lo(), minusOverlap(before.hi()));
      CallHistory.CallerWords tail = history.callerWords(tenantId, tailFrom, toTs, maxRead);
      reads++;
      items += tail.read();
      if (tail.cut()) { // more new words than one read may take: they replace the kept ones
        Kept read = keep(tenantId, seen, of(fromTs, toTs, said(tail.words()), true, now));
        return new Window(read.within(fromTs, toTs), reads, items, read.partialFor(fromTs));
      }
      List<Said> words = new ArrayList<>(said(tail.words()));
      before.words().stream().filter(w -> w.ts().compareTo(tailFrom) < 0).forEach(words::add);
      merged = new Kept(before.lo(), toTs, before.cut(), words, before.fullAt());
    }
    if (fromTs.compareTo(merged.lo()) < 0 && !merged.cut()) {
      CallHistory.CallerWords older = history.callerWords(tenantId, fromTs, merged.lo(), maxRead);
      reads++;
      items += older.read();
      Set<String> known = new HashSet<>();
      merged.words().forEach(w -> known.add(w.key()));
      List<Said> words = new ArrayList<>(merged.words());
      said(older.words()).stream().filter(w -> !known.contains(w.key())).forEach(words::add);
      merged = of(fromTs, merged.hi(), words, older.cut(), merged.fullAt());
    }
    if (merged != before) {
      merged = keep(tenantId, seen, bounded(merged));
    }
    return new Window(merged.within(fromTs, toTs), reads, items, merged.partialFor(fromTs));
  }

  /** Drops the tenant's kept words when its log was changed through this service. */
  void changed(@Observes CallLogChanged change) {
    changes.incrementAndGet(); // first, so that a read that overlapped the change is not kept
    kept.invalidate(change.tenantId());
  }

  /**
   * Keeps the words unless a change of some tenant's log happened since {@code seen} (the read may
   * hold what was deleted; the next read reads again); returns them either way.
   */
  private Kept keep(String tenantId, long seen, Kept words) {
    kept.asMap().compute(tenantId, (tenant, old) -> changes.get() == seen ? words : null);
    return words;
  }

  /** At most {@code maxRead} words, the newest: beyond it the oldest go, as a read would stop. */
  private Kept bounded(Kept words) {
    if (words.words().size() <= maxRead) {
      return words;
    }
    List<Said> newest = words.words().subList(0, maxRead);
    return new Kept(
        newest.get(maxRead - 1).ts(), words.hi(), true, List.copyOf(newest), words.fullAt());
  }

  /**
   * Words read for {@code [fromTs, toTs]}, newest first; when the read bound {@code cut} them, they
   * are complete only after the oldest of them.
   */
  private static Kept of(String fromTs, String toTs, List<Said> words, boolean cut, Instant at) {
    String lo = !cut ? fromTs : words.isEmpty() ? toTs : words.get(words.size() - 1).ts();
    return new Kept(lo, toTs, cut, List.copyOf(words), at);
  }

  private static List<Said> said(List<CallHistory.CallerWord> words) {
    List<Said> said = new ArrayList<>(words.size());
    for (CallHistory.CallerWord caller : words) {
      String text = caller.said().turn().userText();
      if (text != null && !text.isBlank()) {
        said.add(new Said(caller.key(), caller.said().turn().ts(), text.strip()));
      }
    }
    return said;
  }

  private static String minusOverlap(String ts) {
    return Timestamps.formatSeconds(Timestamps.parse(ts, "to").minus(OVERLAP));
  }

  private static String later(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
