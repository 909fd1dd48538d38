package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranking on a 500-entry FAQ: the FAQ a caller means is among the first three. */
class FaqRankingTest {
  private static FaqIndex index;

  @BeforeAll
  static void build() {
    index = FaqIndex.build(1, FaqCorpus.faq(500));
    assertThat(index.size()).isEqualTo(500);
  }

  @Test
  void japaneseQuestionsPhrasedDifferentlyFindTheirFaqInTheTop3() {
    assertTop3(topic -> isJapanese(topic.question()));
  }

  @Test
  void englishQuestionsPhrasedDifferentlyFindTheirFaqInTheTop3() {
    assertTop3(topic -> !isJapanese(topic.question()));
  }

  @Test
  void fullWidthAndHalfWidthSpellingsRankTheSameFaqFirst() {
    assertThat(first("ｸﾚｼﾞｯﾄｶｰﾄﾞは使えますか")).isEqualTo("クレジットカードは使えますか");
    assertThat(first("Ｗｉ－Ｆｉは使えますか")).isEqualTo("Wi-Fiは使えますか");
    assertThat(first("ＤＯ ＹＯＵ ＨＡＶＥ ＰＡＲＫＩＮＧ？")).isEqualTo("Do you have parking?");
    assertThat(index.topK("ﾃｲｸｱｳﾄはできますか", 3))
        .extracting(m -> m.faq().question())
        .startsWith("テイクアウトはできますか");
  }

  @Test
  void theStoredQuestionItselfRanksFirstWithFullConfidence() {
    for (FaqCorpus.Topic topic : FaqCorpus.topics()) {
      FaqRetriever.Match best = index.topK(topic.question(), 3).get(0);
      assertThat(best.faq().question()).isEqualTo(topic.question());
      assertThat(best.confidence()).isEqualTo(1.0);
    }
  }

  @Test
  void confidenceIsHighForAParaphraseAndLowForAnUnrelatedQuestion() {
    FaqRetriever.Match paraphrase = index.topK("駐車場って無料ですか", 1).get(0);
    assertThat(paraphrase.faq().question()).isEqualTo("駐車場はありますか");
    assertThat(paraphrase.confidence()).isGreaterThan(0.5);

    FaqRetriever.Match unrelated = index.topK("明日の天気はどうですか", 1).get(0);
    assertThat(unrelated.confidence()).isLessThan(0.3);
  }

  @Test
  void textSharingNoTermWithTheFaqFindsNothing() {
    assertThat(index.topK("xyzzy qwerty", 8)).isEmpty();
    assertThat(index.topK("", 8)).isEmpty();
    assertThat(index.topK(null, 8)).isEmpty();
  }

  @Test
  void aLongHistoryStillFindsTheTopicAndStaysWithinK() {
    StringBuilder history = new StringBuilder();
    FaqCorpus.faq(500).stream().limit(200).forEach(f -> history.append(f.answer()).append(' '));
    String text = "駐車場はありますか " + history;
    List<FaqRetriever.Match> matches = index.topK(text, 8);
    assertThat(matches).hasSize(8);
    assertThat(matches).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
  }

  private static void assertTop3(Predicate<FaqCorpus.Topic> which) {
    List<String> misses = new ArrayList<>();
    int asked = 0;
    int first = 0;
    for (FaqCorpus.Topic topic : FaqCorpus.topics().stream().filter(which).toList()) {
      for (String question : topic.asked()) {
        asked++;
        List<String> top3 = index.topK(question, 3).stream().map(m -> m.faq().question()).toList();
        if (!top3.isEmpty() && top3.get(0).equals(topic.question())) {
          first++;
        }
        if (!top3.contains(topic.question())) {
          misses.add(question + " -> " + top3 + " (wanted " + topic.question() + ")");
        }
      }
    }
    System.out.printf(
        "FAQ ranking: %d questions, %d first, %d in top 3%n", asked, first, asked - misses.size());
    assertThat(misses).isEmpty();
  }

  private static String first(String text) {
    return index.topK(text, 1).get(0).faq().question();
  }

  private static boolean isJapanese(String text) {
    return text.codePoints()
        .anyMatch(
            c -> Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN && c > 0x2000);
  }
}
