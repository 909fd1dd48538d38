package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.uketsuke.calls.AnnotatedTurn;
import jp.uketsuke.calls.CallHistory;
import jp.uketsuke.calls.CallLogChanged;
import jp.uketsuke.calls.Turn;
import jp.uketsuke.platform.Timestamps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caller words a pod keeps of a tenant's log: what a later window reads from the store, and
 * what it can and cannot see without a full read. The log here is a map (FaqGapsIT runs the same
 * against dynalite); time is moved by hand.
 */
class RecentCallerWordsTest {
  private static final Instant T = Instant.parse("2026-12-05T12:00:00Z");

  private final Log log = new Log();
  private final RecentCallerWords words = new RecentCallerWords();
  private Instant now = T;

  /** A tenant's caller words by time, read as {@code CallHistory.callerWords} reads them. */
  private static final class Log extends CallHistory {
    final TreeMap<String, String> said = new TreeMap<>();
    int reads;
    Runnable duringRead = () -> {};

    void put(Instant at, String text) {
      said.put(Timestamps.format(at), text);
    }

    @Override
    public CallerWords callerWords(String tenantId, String fromTs, String toTs, int maxRead) {
      reads++;
      duringRead.run();
      List<CallerWord> found = new ArrayList<>();
      said.subMap(fromTs, true, toTs, true).descendingMap().entrySet().stream()
          .limit(maxRead + 1L)
          .forEach(e -> found.add(word(e)));
      boolean cut = found.size() > maxRead;
      return new CallerWords(cut ? found.subList(0, maxRead) : found, found.size(), cut);
    }

    private static CallerWord word(Map.Entry<String, String> e) {
      Turn turn = new Turn("09011112222", e.getKey(), e.getValue(), null, null);
      return new CallerWord("09011112222#" + e.getKey(), new AnnotatedTurn(turn, Map.of()));
    }
  }

  @BeforeEach
  void setUp() {
    words.history = log;
    words.maxRead = 100;
    words.fullReadEvery = Duration.ofMinutes(10);
    words.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
  }

  private RecentCallerWords.Window month(Instant end) {
    return words.between("t", Timestamps.formatSeconds(end.minus(Duration.ofDays(30))), ts(end));
  }

  private static String ts(Instant at) {
    return Timestamps.format(at);
  }

  private static List<String> texts(RecentCallerWords.Window window) {
    return window.words().stream().map(RecentCallerWords.Said::text).toList();
  }

  @Test
  void aLaterWindowReadsOnlyTheTurnsFromFiveMinutesBeforeTheKeptEnd() {
    log.put(T.minus(Duration.ofDays(2)), "ペットは連れて行けますか");
    log.put(T.minus(Duration.ofHours(1)), "領収書はもらえますか");
    assertThat(texts(month(T))).containsExactly("領収書はもらえますか", "ペットは連れて行けますか");

    log.put(T.plusSeconds(30), "英語は通じますか");
    log.put(T.minus(Duration.ofMinutes(2)), "個室はありますか"); // stored late, within the overlap
    now = T.plusSeconds(60);
    RecentCallerWords.Window later = month(now);

    assertThat(texts(later)).containsExactly("英語は通じますか", "個室はありますか", "領収書はもらえますか", "ペットは連れて行けますか");
    assertThat(later.reads()).isEqualTo(1);
    assertThat(later.read()).as("only the last minutes: not the hour-old turn").isEqualTo(2);
  }

  @Test
  void aTurnStoredMoreThanTheOverlapLateIsFoundByTheNextFullRead() {
    log.put(T.minus(Duration.ofHours(1)), "領収書はもらえますか");
    month(T);
    log.put(T.minus(Duration.ofMinutes(20)), "個室はありますか");

    now = T.plus(Duration.ofMinutes(9));
    assertThat(texts(month(now))).containsExactly("領収書はもらえますか");
    now = T.plus(Duration.ofMinutes(10));
    RecentCallerWords.Window full = month(now);
    assertThat(texts(full)).containsExactly("個室はありますか", "領収書はもらえますか");
    assertThat(full.read()).isEqualTo(2);
  }

  @Test
  void aWindowTheKeptWordsHoldReadsNothing() {
    log.put(T.minus(Duration.ofHours(1)), "領収書はもらえますか");
    log.put(T.minus(Duration.ofDays(3)), "ペットは連れて行けますか");
    month(T);
    RecentCallerWords.Window week =
        words.between("t", Timestamps.formatSeconds(T.minus(Duration.ofDays(2))), ts(T));
    assertThat(texts(week)).containsExactly("領収書はもらえますか");
    assertThat(week.reads()).isZero();
    assertThat(log.reads).isEqualTo(1);
  }

  @Test
  void aLongerWindowReadsOnlyTheDaysItAdds() {
    log.put(T.minus(Duration.ofDays(2)), "ペットは連れて行けますか");
    log.put(T.minus(Duration.ofDays(40)), "着物で行ってもいいですか");
    month(T);
    RecentCallerWords.Window longer =
        words.between("t", Timestamps.formatSeconds(T.minus(Duration.ofDays(45))), ts(T));
    assertThat(texts(longer)).containsExactly("ペットは連れて行けますか", "着物で行ってもいいですか");
    assertThat(longer.read()).isEqualTo(1);
  }

  @Test
  void aChangeOfTheLogDropsTheKeptWordsAndAReadOverlappingItIsNotKept() {
    log.put(T.minus(Duration.ofHours(1)), "領収書はもらえますか");
    month(T);
    words.changed(new CallLogChanged("t"));
    log.said.clear(); // the turn was deleted
    assertThat(texts(month(T))).as("read again").isEmpty();

    log.put(T.minus(Duration.ofHours(1)), "個室はありますか");
    log.duringRead = () -> words.changed(new CallLogChanged("other"));
    words.changed(new CallLogChanged("t"));
    month(T); // a change happened while it read: what it read may hold deleted words
    log.duringRead = () -> {};
    int reads = log.reads;
    month(T);
    assertThat(log.reads - reads).as("the overlapping read was not kept").isEqualTo(1);
    assertThat(month(T).reads()).as("this one was").isZero();
  }

  @Test
  void theReadBoundKeepsTheNewestAndOnlyAWindowReachingPastThemIsPartial() {
    words.maxRead = 3;
    for (int i = 1; i <= 5; i++) {
      log.put(T.minus(Duration.ofHours(i)), "質問" + i);
    }
    RecentCallerWords.Window first = month(T);
    assertThat(texts(first)).containsExactly("質問1", "質問2", "質問3");
    assertThat(first.partial()).isTrue();
    assertThat(month(T).partial()).as("the same window, from the kept words").isTrue();
    RecentCallerWords.Window recent =
        words.between("t", ts(T.minus(Duration.ofMinutes(150))), ts(T));
    assertThat(texts(recent)).containsExactly("質問1", "質問2");
    assertThat(recent.partial()).isFalse();
  }

  @Test
  void tenantsKeepTheirOwnWords() {
    log.put(T.minus(Duration.ofHours(1)), "領収書はもらえますか");
    month(T);
    RecentCallerWords.Window other =
        words.between("u", Timestamps.formatSeconds(T.minus(Duration.ofDays(30))), ts(T));
    assertThat(other.reads()).as("read for its own tenant, not taken from another's").isEqualTo(1);
  }
}
