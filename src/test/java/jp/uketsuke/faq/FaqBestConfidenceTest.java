package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /faqs/gaps} decides most caller wordings without ranking them: when no FAQ's confidence
 * reaches the threshold, no ranking can put one that does first ({@link FaqIndex#couldAnswer}).
 * That is only right if the bound is exactly the best confidence any FAQ has for the text — never
 * below it (a wording an offline answer would answer would be listed as a gap), and not needlessly
 * above it (it would decide nothing).
 */
class FaqBestConfidenceTest {
  private static final QualitySet SET = QualitySet.load();

  @Test
  void theBoundIsTheHighestConfidenceOfAnyFaqForEveryQuestionOfTheSet() {
    int texts = 0;
    for (QualitySet.Business business : SET.businesses()) {
      FaqIndex index = FaqIndex.build(1, business.items());
      for (String text : texts(business)) {
        double best =
            index.topK(text, index.size()).stream()
                .mapToDouble(FaqRetriever.Match::confidence)
                .max()
                .orElse(0);
        assertThat(index.couldAnswer(text, best)).as("not below: %s", text).isTrue();
        assertThat(index.couldAnswer(text, Math.nextUp(best))).as("not above: %s", text).isFalse();
        texts++;
      }
    }
    assertThat(texts).isGreaterThan(500);
  }

  @Test
  void aTextCouldBeAnsweredExactlyWhenSomeFaqReachesTheThreshold() {
    int decidedWithoutRanking = 0;
    int answered = 0;
    for (QualitySet.Business business : SET.businesses()) {
      FaqIndex index = FaqIndex.build(1, business.items());
      for (String text : texts(business)) {
        List<FaqRetriever.Match> all = index.topK(text, index.size());
        for (double threshold : new double[] {0.2, 0.36, 0.5, 0.8}) {
          boolean someFaqReaches = all.stream().anyMatch(m -> m.confidence() >= threshold);
          assertThat(index.couldAnswer(text, threshold))
              .as("%s at %s: %s", business.name(), threshold, text)
              .isEqualTo(someFaqReaches);
          if (threshold == 0.36) {
            FaqRetriever.Match first = all.get(0);
            if (first.score() > 0 && first.confidence() >= threshold) {
              answered++;
            } else if (!someFaqReaches) {
              decidedWithoutRanking++;
            }
          }
        }
      }
    }
    assertThat(answered).as("the set has questions the FAQ answers").isGreaterThan(100);
    assertThat(decidedWithoutRanking).as("and the bound decides others").isGreaterThan(100);
  }

  @Test
  void anEmptyFaqCouldAnswerNothingAndAnEmptyTextHasNoConfidence() {
    assertThat(FaqIndex.build(1, List.of()).couldAnswer("駐車場はありますか", 0)).isFalse();
    FaqIndex index = FaqIndex.build(1, SET.businesses().get(0).items());
    assertThat(index.couldAnswer("", 0.36)).isFalse();
  }

  /**
   * The set's questions, and each with a number no FAQ holds (as callers add a time or a count).
   */
  private static List<String> texts(QualitySet.Business business) {
    List<String> texts = new ArrayList<>();
    for (QualitySet.Question question : business.questions()) {
      texts.add(question.text());
      texts.add(question.text() + " " + (1000 + texts.size()));
    }
    return texts;
  }
}
