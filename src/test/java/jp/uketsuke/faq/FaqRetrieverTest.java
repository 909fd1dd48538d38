package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the chat engine gets from {@link FaqRetriever}: top-k, all of a small FAQ, the best one. */
class FaqRetrieverTest {
  private final AtomicLong version = new AtomicLong(1);
  private final AtomicReference<List<FaqItem>> faqs = new AtomicReference<>(List.of());
  private FaqRetriever retriever;

  @BeforeEach
  void start() {
    retriever = new FaqRetriever();
    retriever.version =
        new FaqVersion() {
          @Override
          public long current(String tenantId) {
            return version.get();
          }
        };
    retriever.store =
        new FaqStore() {
          @Override
          FaqIndex.Source source(String tenantId) {
            return new FaqIndex.Source(faqs.get(), java.util.Map.of());
          }
        };
    retriever.hybrid = new FaqHybrid(); // embeddings not configured: lexical only
    retriever.hybrid.embeddings = new jp.uketsuke.llm.Embeddings();
    retriever.indexCheck = Duration.ZERO;
    retriever.indexTenants = 10;
    retriever.start();
  }

  @Test
  void aTenantWithKOrFewerFaqsGetsAllOfThemBestFirst() {
    faqs.set(
        List.of(
            item("予約は必要ですか", "初診の方はご予約ください。"),
            item("駐車場はありますか", "5台分あります。"),
            item("営業時間は何時から何時までですか", "9時から18時までです。"),
            item("Do you speak English?", "Some of our staff do.")));
    List<FaqRetriever.Match> matches = retriever.topK("t", "何時まで営業してますか", 8);

    assertThat(matches).hasSize(4);
    assertThat(matches.get(0).faq().question()).isEqualTo("営業時間は何時から何時までですか");
    assertThat(matches.get(0).score()).isPositive();
    assertThat(matches).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    assertThat(matches.subList(1, 4))
        .allSatisfy(m -> assertThat(m.score()).isLessThan(matches.get(0).score()));
    assertThat(matches.get(3).faq().question()).isEqualTo("Do you speak English?");
    assertThat(matches.get(3).score()).isZero();
    assertThat(retriever.topK("t", "", 4)).hasSize(4);
  }

  @Test
  void aTenantWithMoreThanKFaqsGetsTheKBest() {
    faqs.set(FaqCorpus.faq(500));
    List<FaqRetriever.Match> matches = retriever.topK("t", "駐車場はありますか？", 8);
    assertThat(matches).hasSizeLessThanOrEqualTo(8);
    assertThat(matches.get(0).faq().question()).isEqualTo("駐車場はありますか");
  }

  @Test
  void aTenantWithoutFaqsGetsNothing() {
    assertThat(retriever.topK("t", "駐車場", 8)).isEmpty();
    assertThat(retriever.best("t", "駐車場", 0)).isEmpty();
  }

  @Test
  void theBestFaqIsOfferedOnlyAboveTheConfidenceThreshold() {
    faqs.set(FaqCorpus.faq(500));
    assertThat(retriever.best("t", "駐車場はありますか", 0.5))
        .hasValueSatisfying(m -> assertThat(m.faq().question()).isEqualTo("駐車場はありますか"));
    assertThat(retriever.best("t", "明日の天気はどうですか", 0.5)).isEmpty();
  }

  @Test
  void aNewFaqVersionIsSeenOnTheNextCall() {
    faqs.set(List.of(item("駐車場はありますか", "ありません。")));
    assertThat(retriever.topK("t", "Wi-Fi", 1).get(0).score()).isZero();

    faqs.set(List.of(item("Wi-Fiは使えますか", "使えます。")));
    version.incrementAndGet();
    FaqRetriever.Match match = retriever.topK("t", "Wi-Fi", 1).get(0);
    assertThat(match.faq().question()).isEqualTo("Wi-Fiは使えますか");
    assertThat(match.score()).isPositive();
  }

  @Test
  void kBelowOneIsRefused() {
    assertThatThrownBy(() -> retriever.topK("t", "x", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static FaqItem item(String question, String answer) {
    return new FaqItem(question, answer, null, null);
  }
}
