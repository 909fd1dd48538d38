package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dictionary views of a query (Kuromoji words and the reading) look at the first {@link
 * FaqQuery#MORPHOLOGY_CHARS} characters only: a caller's words may be up to 20,000 characters, and
 * morphological analysis of all of them would cost each turn milliseconds. The rest of a long text
 * still counts through its written bigrams.
 */
class FaqQueryTest {
  private static final FaqIndex INDEX =
      FaqIndex.build(
          1,
          List.of(
              new FaqItem("駐車場はありますか", "はい、5台分ございます。", null, null),
              new FaqItem("予約は必要ですか", "お電話でご予約ください。", null, null)));

  /** No term of the FAQ, written or read: only the words after it can match. */
  private static final String PADDING = "x".repeat(FaqQuery.MORPHOLOGY_CHARS + 6) + " ";

  @Test
  void kanaForKanjiIsFoundByItsReadingWithinTheFirst64Characters() {
    assertThat(INDEX.topK("ちゅうしゃじょう", 1))
        .extracting(match -> match.faq().question())
        .containsExactly("駐車場はありますか");
  }

  @Test
  void pastTheFirst64CharactersOnlyTheWrittenBigramsCount() {
    assertThat(INDEX.topK(PADDING + "ちゅうしゃじょう", 1)).as("the reading was not analysed").isEmpty();
    assertThat(INDEX.topK(PADDING + "駐車場はありますか", 1))
        .extracting(match -> match.faq().question())
        .containsExactly("駐車場はありますか");
  }
}
