package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.VoiceServerLog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /faqs/gaps}: what callers asked that the FAQ does not answer, grouped, most frequent
 * first, from the call log as the voice server writes it; paged; a window of days; tenant-scoped.
 */
class FaqGapsIT {

  private static Api owner(String tenant) {
    Api api = Api.as(Tokens.person(tenant));
    api.post("/faq", "{\"question\": \"駐車場はありますか\", \"answer\": \"はい、5台分ございます。\"}").ok();
    return api;
  }

  private static List<JsonObject> items(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class);
  }

  @Test
  void paraphrasesOfAnUnansweredQuestionFormOneGroupMostFrequentFirst() {
    Api a = owner("gaps-group");
    VoiceServerLog log = new VoiceServerLog("gaps-group", "09011112222", "CAgaps1");
    Instant now = Instant.now();
    log.put("user_text", "えーと、日曜日って診察してますか", now.minusSeconds(300));
    log.put("user_text", "にちようびは診察してますか", now.minusSeconds(200));
    log.put("user_text", "日曜日の診察はありますか", now.minusSeconds(100));
    String lastTs = log.put("user_text", "日曜日って診察してますか", now.minusSeconds(50));
    log.put("user_text", "予防接種の料金を教えてください", now.minusSeconds(30));
    log.put("assistant_text", "確認いたします", now.minusSeconds(20));
    log.put("user_text", "駐車場ってありますか", now.minusSeconds(10)); // the FAQ answers it

    JsonObject page = a.get("/faqs/gaps?days=30").ok();
    List<JsonObject> gaps = items(page);
    assertThat(gaps).as(page.toString()).hasSize(2);
    JsonObject first = gaps.get(0);
    assertThat(first.getInt("count")).isEqualTo(4);
    assertThat(first.getString("last_ts")).isEqualTo(lastTs);
    assertThat(first.getJsonArray("examples").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .hasSize(4)
        .contains("にちようびは診察してますか", "日曜日の診察はありますか");
    assertThat(first.getString("question")).contains("日曜");
    assertThat(gaps.get(1).getString("question")).isEqualTo("予防接種の料金を教えてください");
    assertThat(gaps.get(1).getInt("count")).isEqualTo(1);
    assertThat(page.isNull("next_token")).isTrue();
    assertThat(page.getBoolean("partial")).as("every caller word was judged").isFalse();
    assertThat(page.toString()).doesNotContain("駐車場", "確認いたします");
  }

  /** The test server ranks at most 10 distinct wordings (src/test/liberty/gaps.xml). */
  @Test
  void moreDistinctWordingsThanTheRankingBoundMakeEveryPageSayPartial() {
    Api a = owner("gaps-ranked");
    VoiceServerLog log = new VoiceServerLog("gaps-ranked", "09011116666", null);
    List<String> asked =
        List.of(
            "ペットは連れて行けますか",
            "領収書はもらえますか",
            "英語は通じますか",
            "個室はありますか",
            "Wi-Fiは使えますか",
            "クレジットカードは使えますか",
            "送迎バスはありますか",
            "子供用の椅子はありますか",
            "持ち込みはできますか",
            "貸し切りはできますか",
            "誕生日のケーキは頼めますか",
            "着物で行ってもいいですか");
    Instant now = Instant.now();
    for (int i = 0; i < asked.size(); i++) {
      log.put("user_text", asked.get(i), now.minusSeconds(100 - i));
    }
    JsonObject all = a.get("/faqs/gaps?limit=100").ok();
    assertThat(all.getBoolean("partial")).as(all.toString()).isTrue();
    assertThat(all.toString())
        .as("the newest 10 wordings are ranked, the 2 oldest left out")
        .contains("着物で行ってもいいですか", "英語は通じますか")
        .doesNotContain("ペットは連れて行けますか", "領収書はもらえますか");
    JsonObject first = a.get("/faqs/gaps?limit=1").ok();
    assertThat(first.getBoolean("partial")).isTrue();
    JsonObject next = a.get("/faqs/gaps?limit=1&next_token=" + first.getString("next_token")).ok();
    assertThat(next.getBoolean("partial")).as("every page of the list says so").isTrue();
  }

  /** The test server reads at most 30 log items (src/test/liberty/gaps.xml). */
  @Test
  void moreLogItemsThanTheReadBoundMakeTheListPartialAndCountOnlyTheNewest() {
    Api a = owner("gaps-read");
    VoiceServerLog log = new VoiceServerLog("gaps-read", "09011117777", "CAgapsread");
    Instant now = Instant.now();
    for (int i = 0; i < 16; i++) { // 16 caller turns and 16 replies: 32 items
      log.put("user_text", "ペットは連れて行けますか", now.minusSeconds(600 - 10L * i));
      log.put("assistant_text", "確認いたします", now.minusSeconds(599 - 10L * i));
    }
    JsonObject page = a.get("/faqs/gaps").ok();
    assertThat(page.getBoolean("partial")).as(page.toString()).isTrue();
    assertThat(items(page)).hasSize(1);
    assertThat(items(page).get(0).getInt("count")).isEqualTo(15);
  }

  /**
   * The read bound is detected where the read stops, not by looking a few items further: older
   * caller words behind a long run of other items (here 12 replies) still make the list partial.
   */
  @Test
  void olderCallerWordsBehindALongRunOfRepliesStillMakeTheListPartial() {
    Api a = owner("gaps-cut");
    VoiceServerLog log = new VoiceServerLog("gaps-cut", "09011119999", null);
    Instant now = Instant.now();
    log.put("user_text", "領収書はもらえますか", now.minusSeconds(900));
    for (int i = 0; i < 12; i++) {
      log.put("assistant_text", "確認いたします", now.minusSeconds(800 - i));
    }
    for (int i = 0; i < 30; i++) { // the newest 30 items: the read bound of the test server
      log.put("user_text", "ペットは連れて行けますか", now.minusSeconds(600 - i));
    }
    JsonObject page = a.get("/faqs/gaps").ok();
    assertThat(page.getBoolean("partial")).as(page.toString()).isTrue();
    assertThat(items(page)).extracting(g -> g.getInt("count")).containsExactly(30);
  }

  /** A window holding exactly as many items as the read bound was read whole: not partial. */
  @Test
  void aWindowOfExactlyTheReadBoundIsNotPartial() {
    Api a = owner("gaps-exact");
    VoiceServerLog log = new VoiceServerLog("gaps-exact", "09011110000", null);
    Instant now = Instant.now();
    for (int i = 0; i < 15; i++) { // 30 items
      log.put("user_text", "ペットは連れて行けますか", now.minusSeconds(600 - 10L * i));
      log.put("assistant_text", "確認いたします", now.minusSeconds(599 - 10L * i));
    }
    JsonObject page = a.get("/faqs/gaps").ok();
    assertThat(page.getBoolean("partial")).as(page.toString()).isFalse();
    assertThat(items(page)).extracting(g -> g.getInt("count")).containsExactly(15);
  }

  /**
   * First pages asked at once by one tenant for one window read the log once: the others wait for
   * that read's groups ({@code uketsuke_faq_gaps_reads_total} on {@code /metrics}).
   */
  @Test
  void concurrentFirstPagesOfOneWindowReadTheLogOnce() throws Exception {
    Api a = owner("gaps-flight");
    VoiceServerLog log = new VoiceServerLog("gaps-flight", "09011110101", null);
    Instant now = Instant.now();
    for (int i = 0; i < 20; i++) {
      log.put("user_text", "送迎バスは何時に出ますか " + i % 5 + "番", now.minusSeconds(600 - i));
    }
    double before = GapsMetrics.reads();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JsonObject>> pages = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        pages.add(
            pool.submit(
                () -> {
                  go.await();
                  return a.get("/faqs/gaps?days=45").ok();
                }));
      }
      go.countDown();
      for (Future<JsonObject> page : pages) {
        assertThat(items(page.get())).extracting(g -> g.getInt("count")).containsExactly(20);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(GapsMetrics.reads() - before).as("reads of the log").isEqualTo(1);
  }

  /**
   * The groups of a window are reused for a minute (uketsuke.faq.gaps-reuse), but never across a
   * change of the FAQ: the owner who adds an answer sees the question leave the list once the
   * service has seen the change (its FAQ index check, 2 s; 15 s allowed for a slow machine), not a
   * minute later.
   */
  @Test
  void aQuestionTheOwnerAnswersLeavesTheListThoughItsGroupsAreReused() {
    Api a = owner("gaps-answered");
    VoiceServerLog log = new VoiceServerLog("gaps-answered", "09011118888", null);
    log.put("user_text", "ペットは連れて行けますか", Instant.now().minusSeconds(60));
    log.put("user_text", "領収書はもらえますか", Instant.now().minusSeconds(50));
    assertThat(a.get("/faqs/gaps").ok().toString()).contains("ペットは連れて行けますか");

    a.post("/faq", "{\"question\": \"ペットは連れて行けますか\", \"answer\": \"小型犬なら大丈夫です。\"}").ok();
    Instant deadline = Instant.now().plusSeconds(15);
    JsonObject page = a.get("/faqs/gaps").ok();
    while (page.toString().contains("ペット")) {
      assertThat(Instant.now()).as("still listed: %s", page).isBefore(deadline);
      pause();
      page = a.get("/faqs/gaps").ok();
    }
    assertThat(items(page)).extracting(g -> g.getString("question")).containsExactly("領収書はもらえますか");
  }

  /**
   * The owner who adds an answer through this pod does not wait at the next look for every wording
   * to be judged again: the change starts that computation in the background (FaqChanged), so the
   * next first page, past the reuse, is already judged against the new FAQ — the question is gone,
   * the turn since is there — and its request reads nothing. Without it, that page showed the old
   * list (the pod had not checked the FAQ version yet) or read the log itself.
   */
  @Test
  void anAnswerAddedThroughThisPodIsJudgedInTheBackgroundBeforeTheNextLook() {
    Api a = owner("gaps-faq-changed");
    VoiceServerLog log = new VoiceServerLog("gaps-faq-changed", "09011116666", null);
    log.put("user_text", "ペットは連れて行けますか", Instant.now().minusSeconds(60));
    log.put("user_text", "領収書はもらえますか", Instant.now().minusSeconds(50));
    assertThat(a.get("/faqs/gaps").ok().toString()).contains("ペットは連れて行けますか");
    log.put("user_text", "着物で行ってもいいですか", Instant.now().minusSeconds(1));
    sleep(
        Duration.ofSeconds(
            4)); // past the reuse: the latest window's groups are not used as they are
    double refreshes = GapsMetrics.refreshes();

    a.post("/faq", "{\"question\": \"ペットは連れて行けますか\", \"answer\": \"小型犬なら大丈夫です。\"}").ok();
    Instant deadline = Instant.now().plusSeconds(15);
    while (GapsMetrics.refreshes() <= refreshes) {
      assertThat(Instant.now()).as("no computation in the background").isBefore(deadline);
      pause();
    }
    sleep(Duration.ofSeconds(1)); // its read is counted before it judges and groups three wordings
    double requestReads = GapsMetrics.reads();

    assertThat(items(a.get("/faqs/gaps").ok()))
        .extracting(g -> g.getString("question"))
        .containsExactlyInAnyOrder("領収書はもらえますか", "着物で行ってもいいですか");
    assertThat(GapsMetrics.reads()).as("no read the request waited for").isEqualTo(requestReads);
  }

  /**
   * After the reuse (3 s in tests), a first page does not wait for the log to be read again: it
   * gets the latest window's groups at once and the service computes a window ending now in the
   * background, which the next first pages get (uketsuke.faq.gaps-refresh-within).
   */
  @Test
  void aFirstPageAfterTheReuseAnswersAtOnceAndTheNextOneHasTheNewWords() {
    Api a = owner("gaps-refresh");
    VoiceServerLog log = new VoiceServerLog("gaps-refresh", "09011119999", null);
    log.put("user_text", "ペットは連れて行けますか", Instant.now().minusSeconds(60));
    assertThat(items(a.get("/faqs/gaps").ok()))
        .extracting(g -> g.getString("question"))
        .containsExactly("ペットは連れて行けますか");
    log.put("user_text", "領収書はもらえますか", Instant.now().minusSeconds(1));
    double requestReads = GapsMetrics.reads();
    double refreshes = GapsMetrics.refreshes();
    sleep(Duration.ofSeconds(4)); // past the reuse

    assertThat(items(a.get("/faqs/gaps").ok()))
        .as("the latest window's groups, at once")
        .extracting(g -> g.getString("question"))
        .containsExactly("ペットは連れて行けますか");
    assertThat(GapsMetrics.reads()).as("no read the request waited for").isEqualTo(requestReads);

    Instant deadline = Instant.now().plusSeconds(15);
    JsonObject page = a.get("/faqs/gaps").ok();
    while (!page.toString().contains("領収書")) {
      assertThat(Instant.now()).as("not refreshed: %s", page).isBefore(deadline);
      pause();
      page = a.get("/faqs/gaps").ok();
    }
    assertThat(items(page))
        .extracting(g -> g.getString("question"))
        .containsExactlyInAnyOrder("ペットは連れて行けますか", "領収書はもらえますか");
    assertThat(GapsMetrics.refreshes()).isGreaterThan(refreshes);
  }

  /**
   * A tenant's caller words are read from the log once and kept (RecentCallerWords): a later list
   * reads only the turns since the last read (from 5 minutes before its end, for late writes) and
   * the days a longer window adds — here 2 items, where reading the window again takes 23.
   */
  @Test
  void aLaterListReadsOnlyTheTurnsSinceAndTheDaysItAdds() {
    Api a = owner("gaps-since");
    VoiceServerLog log = new VoiceServerLog("gaps-since", "09011112323", null);
    Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
    for (int i = 0; i < 10; i++) {
      log.put("user_text", "ペットは連れて行けますか", twoDaysAgo.plusSeconds(60L * i));
      log.put("assistant_text", "確認いたします", twoDaysAgo.plusSeconds(60L * i + 1));
    }
    log.put("user_text", "着物で行ってもいいですか", Instant.now().minus(Duration.ofHours(30 * 24 + 12)));
    assertThat(items(a.get("/faqs/gaps?days=30").ok()))
        .extracting(g -> g.getString("question"), g -> g.getInt("count"))
        .containsExactly(tuple("ペットは連れて行けますか", 10));
    log.put("user_text", "領収書はもらえますか", Instant.now());
    double reads = GapsMetrics.reads() + GapsMetrics.refreshes();
    double read = GapsMetrics.readItems();

    JsonObject longer = a.get("/faqs/gaps?days=31").ok();

    assertThat(items(longer))
        .extracting(g -> g.getString("question"), g -> g.getInt("count"))
        .containsExactlyInAnyOrder(
            tuple("ペットは連れて行けますか", 10), tuple("領収書はもらえますか", 1), tuple("着物で行ってもいいですか", 1));
    assertThat(GapsMetrics.readItems() - read).as("log items read").isEqualTo(2);
    assertThat(GapsMetrics.reads() + GapsMetrics.refreshes() - reads)
        .as("reads: the turns since, the day before")
        .isEqualTo(2);
  }

  /**
   * Deleting a call or erasing a caller takes their words off the list at once, though the list's
   * groups and the caller words read are kept for later looks: an hour-old turn is not read again
   * by a later list, which reads only the last minutes.
   */
  @Test
  void deletingACallOrErasingACallerTakesTheirWordsOffTheListAtOnce() {
    Api a = owner("gaps-deleted");
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    new VoiceServerLog("gaps-deleted", "09011114545", "CAgapsdeleted")
        .put("user_text", "ペットは連れて行けますか", hourAgo);
    new VoiceServerLog("gaps-deleted", "09011115656", null)
        .put("user_text", "領収書はもらえますか", hourAgo.plusSeconds(1));
    new VoiceServerLog("gaps-deleted", "09011116767", null)
        .put("user_text", "英語は通じますか", hourAgo.plusSeconds(2));
    assertThat(items(a.get("/faqs/gaps").ok())).hasSize(3);

    a.delete("/call?call_sid=CAgapsdeleted").ok();
    assertThat(items(a.get("/faqs/gaps").ok()))
        .extracting(g -> g.getString("question"))
        .containsExactlyInAnyOrder("領収書はもらえますか", "英語は通じますか");

    a.delete("/callers/09011115656").ok();
    assertThat(items(a.get("/faqs/gaps").ok()))
        .extracting(g -> g.getString("question"))
        .containsExactly("英語は通じますか");
  }

  /**
   * A delete another pod made reaches this pod's list at its next look, though this pod keeps the
   * groups and the caller words: the other pod deletes the turn and counts the change in the
   * tenant's {@code #changes} item, as {@code calls.CallLogChanges} does there (played here on the
   * tables, since the tests run one server).
   */
  @Test
  void aDeleteMadeThroughAnotherPodTakesTheWordsOffThisPodsListAtItsNextLook() {
    Api a = owner("gaps-other-pod");
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    String phone = "09011118989";
    String ts =
        new VoiceServerLog("gaps-other-pod", phone, null).put("user_text", "ペットは連れて行けますか", hourAgo);
    new VoiceServerLog("gaps-other-pod", "09011119090", null)
        .put("user_text", "領収書はもらえますか", hourAgo.plusSeconds(1));
    assertThat(items(a.get("/faqs/gaps").ok())).hasSize(2);

    RawDynamo.client()
        .deleteItem(
            b ->
                b.tableName(RawDynamo.table("logs"))
                    .key(
                        Map.of(
                            "client_id", AttributeValue.fromS("gaps-other-pod"),
                            "sk", AttributeValue.fromS(phone + "#" + ts))));
    RawDynamo.client()
        .updateItem(
            b ->
                b.tableName(RawDynamo.table("phones"))
                    .key(
                        Map.of(
                            "client_id", AttributeValue.fromS("gaps-other-pod"),
                            "phone_number", AttributeValue.fromS("#changes")))
                    .updateExpression("ADD changes :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));

    assertThat(items(a.get("/faqs/gaps").ok()))
        .extracting(g -> g.getString("question"))
        .containsExactly("領収書はもらえますか");
    assertThat(a.get("/phones").ok().getJsonArray("items").getValuesAs(JsonString::getString))
        .as("the tenant's #changes item is no phone")
        .doesNotContain("#changes");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void onlyTheWindowOfDaysCounts() {
    Api a = owner("gaps-window");
    VoiceServerLog log = new VoiceServerLog("gaps-window", "09011113333", null);
    log.put("user_text", "ペットは連れて行けますか", Instant.now().minus(Duration.ofDays(40)));
    log.put("user_text", "領収書はもらえますか", Instant.now().minus(Duration.ofDays(2)));

    assertThat(items(a.get("/faqs/gaps?days=30").ok()))
        .extracting(g -> g.getString("question"))
        .containsExactly("領収書はもらえますか");
    assertThat(items(a.get("/faqs/gaps").ok())).hasSize(1); // 30 days by default
    assertThat(items(a.get("/faqs/gaps?days=60").ok()))
        .extracting(g -> g.getString("question"))
        .containsExactlyInAnyOrder("領収書はもらえますか", "ペットは連れて行けますか");
  }

  @Test
  void pagesFollowNextTokenUntilEveryGroupWasShownOnce() {
    Api a = owner("gaps-paging");
    VoiceServerLog log = new VoiceServerLog("gaps-paging", "09011114444", null);
    List<String> asked =
        List.of("ペットは連れて行けますか", "領収書はもらえますか", "英語は通じますか", "個室はありますか", "Wi-Fiは使えますか");
    Instant now = Instant.now();
    for (int i = 0; i < asked.size(); i++) {
      log.put("user_text", asked.get(i), now.minusSeconds(100 - i));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonObject page =
          a.get("/faqs/gaps?limit=2" + (token == null ? "" : "&next_token=" + token)).ok();
      assertThat(items(page)).hasSizeLessThanOrEqualTo(2);
      items(page).forEach(g -> seen.add(g.getString("question")));
      token = page.isNull("next_token") ? null : page.getString("next_token");
      pages++;
    } while (token != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(asked);
  }

  @Test
  void anotherTenantSeesNoneOfItAndCannotContinueItsPages() {
    Api a = owner("gaps-own");
    VoiceServerLog log = new VoiceServerLog("gaps-own", "09011115555", null);
    log.put("user_text", "秘密の相談はできますか", Instant.now().minusSeconds(60));
    log.put("user_text", "ペットは連れて行けますか", Instant.now().minusSeconds(50));
    JsonObject page = a.get("/faqs/gaps?limit=1").ok();
    assertThat(items(page)).hasSize(1);
    String token = page.getString("next_token");

    Api b = Api.as(Tokens.person("gaps-other"));
    assertThat(items(b.get("/faqs/gaps?days=90").ok())).isEmpty();
    assertThat(b.get("/faqs/gaps?limit=1&next_token=" + token).problem(400).toString())
        .doesNotContain("秘密");
    b.header("x-client-id", "gaps-own").get("/faqs/gaps").problem(403);
    Api.anonymous().get("/faqs/gaps").problem(401);
  }

  @Test
  void badDaysLimitOrTokenIsAProblemDocument() {
    Api a = Api.as(Tokens.person("gaps-bad"));
    for (String query : List.of("days=0", "days=91", "days=abc", "limit=0", "limit=101")) {
      JsonObject problem = a.get("/faqs/gaps?" + query).problem(400);
      assertThat(problem.getString("detail")).contains(query.substring(0, query.indexOf('=')));
    }
    a.get("/faqs/gaps?next_token=not-a-token").problem(400);
  }
}
