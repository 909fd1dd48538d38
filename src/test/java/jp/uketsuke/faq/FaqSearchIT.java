package jp.uketsuke.faq;

import static jp.uketsuke.faq.FaqData.answerBody;
import static jp.uketsuke.faq.FaqData.body;
import static jp.uketsuke.faq.FaqData.path;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /faqs/search}: the ranking the assistant uses, per tenant, following FAQ changes. */
class FaqSearchIT {
  /** The index-check interval (2 s by default) plus room for a slow machine. */
  private static final Duration CHANGE_SEEN_WITHIN = Duration.ofSeconds(15);

  /**
   * Liberty reports itself started after 30 s even when the application is still starting, which
   * happens on a busy build machine; readiness says when routes answer.
   */
  @BeforeAll
  static void awaitReadiness() {
    Instant deadline = Instant.now().plusSeconds(180);
    while (Api.anonymous().get("/health/ready").status() != 200) {
      assertThat(Instant.now()).as("application ready").isBefore(deadline);
      sleep();
    }
  }

  @Test
  void anImportedFaqRanksTheMeantQuestionFirstAndFollowsEveryChange() {
    Api owner = Api.as(Tokens.person("faq-search-rank"));
    List<String[]> rows =
        FaqCorpus.faq(500).stream().map(f -> new String[] {f.question(), f.answer()}).toList();
    JsonObject report =
        FaqData.importBytes(
                owner,
                "application/json",
                FaqData.jsonArray(rows).getBytes(StandardCharsets.UTF_8),
                false)
            .ok();
    assertThat(report.getInt("created")).isEqualTo(500);

    assertThat(top(owner, "何時まで営業してますか？", 3)).contains("営業時間は何時から何時までですか");
    assertThat(top(owner, "Where can I park my car?", 3)).contains("Do you have parking?");

    owner.post("/faq", body("ペットを連れて行ってもいいですか", "小型犬は同伴いただけます。")).ok();
    awaitTop(owner, "ペット同伴できますか", first -> first.equals("ペットを連れて行ってもいいですか"));

    owner.put(path("駐車場はありますか"), answerBody("近くのコインパーキングをご利用ください。")).ok();
    awaitTop(owner, "コインパーキング", first -> first.equals("駐車場はありますか"));

    owner.delete(path("ペットを連れて行ってもいいですか")).ok();
    awaitTop(owner, "ペット同伴できますか", first -> !first.equals("ペットを連れて行ってもいいですか"));
  }

  @Test
  void aTenantWithKOrFewerFaqsGetsAllOfThemWithScoresBestFirst() {
    Api owner = Api.as(Tokens.person("faq-search-small"));
    owner.post("/faq", body("駐車場はありますか", "5台分あります。")).ok();
    owner.post("/faq", body("Do you speak English?", "Some of our staff do.")).ok();

    List<JsonObject> items = search(owner, "駐車場", 8);
    assertThat(items)
        .extracting(i -> i.getString("question"))
        .containsExactly("駐車場はありますか", "Do you speak English?");
    assertThat(items.get(0).keySet())
        .containsExactlyInAnyOrder("question", "answer", "score", "confidence");
    assertThat(items.get(0).getJsonNumber("score").doubleValue()).isPositive();
    assertThat(items.get(1).getJsonNumber("score").doubleValue()).isZero();
    assertThat(items.get(0).getJsonNumber("confidence").doubleValue()).isBetween(0.0, 1.0);
  }

  @Test
  void anotherTenantsFaqIsNeverFoundAndTheVoiceServerSearchesTheTenantItNames() {
    String tenant = "faq-search-a";
    Api a = Api.as(Tokens.person(tenant));
    Api b = Api.as(Tokens.person("faq-search-b"));
    a.post("/faq", body("A社だけの秘密の質問", "A社の秘密の回答")).ok();
    b.post("/faq", body("B社の質問", "B")).ok();

    assertThat(b.get(searchPath("秘密の質問", 8)).body()).doesNotContain("秘密");
    b.header("x-client-id", tenant).get(searchPath("秘密", 8)).problem(403);

    Api voice = Api.as(Tokens.service()).header("x-client-id", tenant);
    assertThat(search(voice, "秘密の質問", 8))
        .extracting(i -> i.getString("question"))
        .containsExactly("A社だけの秘密の質問");
  }

  @Test
  void withoutAValidTokenNothingIsSearched() {
    Api.anonymous().get(searchPath("q", 3)).problem(401);
    Api.as(Tokens.signWithUnknownKey(Tokens.idToken("faq-search-x")))
        .get(searchPath("q", 3))
        .problem(401);
  }

  @Test
  void aMissingTextOrABadKIsRefusedNamingTheParameter() {
    Api owner = Api.as(Tokens.person("faq-search-bad"));
    assertThat(owner.get("/faqs/search").problem(400).getString("error")).contains("q");
    assertThat(owner.get("/faqs/search?q=%20").problem(400).getString("error")).contains("q");
    assertThat(owner.get("/faqs/search?q=x&k=0").problem(400).getString("error")).contains("k");
    assertThat(owner.get("/faqs/search?q=x&k=51").problem(400).getString("error")).contains("k");
    assertThat(owner.get("/faqs/search?q=x&k=two").problem(400).getString("error")).contains("k");
    String tooLong = "あ".repeat(FaqSearchResource.MAX_QUERY_CHARS + 1);
    assertThat(owner.get(searchPath(tooLong, 3)).problem(400).getString("error")).contains("q");
  }

  @Test
  void theUsageListShowsEveryQuestionMostUsedFirstToPeopleOnly() {
    String tenant = "faq-search-usage";
    Api owner = Api.as(Tokens.person(tenant));
    owner.post("/faq", body("あまり使われない", "a")).ok();
    owner.post("/faq", body("よく使われる", "b")).ok();
    owner.post("/faq", body("未使用", "c")).ok();
    FaqData.addUses(tenant, "よく使われる", 5);
    FaqData.addUses(tenant, "あまり使われない", 1);

    List<JsonObject> items =
        owner.get("/faqs/usage").ok().getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(items)
        .extracting(i -> i.getString("question"))
        .containsExactly("よく使われる", "あまり使われない", "未使用");
    assertThat(items).extracting(i -> i.getInt("use_count")).containsExactly(5, 1, 0);

    Api.as(Tokens.service()).header("x-client-id", tenant).get("/faqs/usage").problem(403);
    Api.anonymous().get("/faqs/usage").problem(401);
    assertThat(
            Api.as(Tokens.person("faq-search-usage-other"))
                .get("/faqs/usage")
                .ok()
                .getJsonArray("items"))
        .isEmpty();
    assertThat(owner.get("/faqs").ok().getJsonArray("items").getJsonObject(0).keySet())
        .containsExactlyInAnyOrder("question", "answer", "created_at", "updated_at");
  }

  private static void awaitTop(Api api, String text, Predicate<String> firstIsExpected) {
    Instant deadline = Instant.now().plus(CHANGE_SEEN_WITHIN);
    List<String> top = top(api, text, 3);
    while (top.isEmpty() || !firstIsExpected.test(top.get(0))) {
      assertThat(Instant.now()).as("ranking for %s still %s", text, top).isBefore(deadline);
      sleep();
      top = top(api, text, 3);
    }
  }

  private static List<String> top(Api api, String text, int k) {
    return search(api, text, k).stream().map(i -> i.getString("question")).toList();
  }

  private static List<JsonObject> search(Api api, String text, int k) {
    return api.get(searchPath(text, k)).ok().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  private static String searchPath(String text, int k) {
    return "/faqs/search?k=" + k + "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
