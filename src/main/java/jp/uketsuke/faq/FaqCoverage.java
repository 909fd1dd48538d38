package jp.uketsuke.faq;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which FAQs hold each term of the text as written (the bigram view of question and answer, as
 * {@link FaqQuery#confidence} sees them): enough to find the best confidence any FAQ has for a text
 * without ranking it — no dictionary views, no search, no lookup in Lucene's term dictionary.
 */
final class FaqCoverage {
  private final int faqs;
  private final Map<String, Holders> holders;

  /**
   * @param inQuestionsAndAnswers FAQs holding the term in their question plus those holding it in
   *     their answer (Lucene's document frequencies of the two fields, as the weights use them)
   * @param positions the FAQs holding it in either, ascending
   */
  private record Holders(int inQuestionsAndAnswers, int[] positions) {}

  private FaqCoverage(int faqs, Map<String, Holders> holders) {
    this.faqs = faqs;
    this.holders = holders;
  }

  static FaqCoverage of(List<FaqItem> items) {
    Map<String, int[]> counts = new HashMap<>();
    Map<String, int[]> positions = new HashMap<>();
    for (int position = 0; position < items.size(); position++) {
      FaqItem faq = items.get(position);
      Set<String> inQuestion = FaqQuery.written(faq.question());
      Set<String> inAnswer = FaqQuery.written(faq.answer());
      inQuestion.forEach(term -> counts.computeIfAbsent(term, t -> new int[1])[0]++);
      inAnswer.forEach(term -> counts.computeIfAbsent(term, t -> new int[1])[0]++);
      inQuestion.addAll(inAnswer);
      for (String term : inQuestion) {
        int[] list = positions.computeIfAbsent(term, t -> new int[] {0, 0, 0, 0});
        if (list[0] + 1 == list.length) {
          list = Arrays.copyOf(list, list.length * 2);
          positions.put(term, list);
        }
        list[++list[0]] = position; // list[0] is the count
      }
    }
    Map<String, Holders> holders = new HashMap<>();
    positions.forEach(
        (term, list) ->
            holders.put(
                term, new Holders(counts.get(term)[0], Arrays.copyOfRange(list, 1, list[0] + 1))));
    return new FaqCoverage(items.size(), holders);
  }

  /**
   * The highest {@link FaqQuery#confidence} any FAQ has for the text, exactly (the same weights,
   * summed in the same order): no FAQ's confidence is above it, and the FAQ that has it has exactly
   * it.
   */
  double best(String text) {
    FaqQuery.Said said =
        FaqQuery.Said.of(
            FaqQuery.written(text),
            faqs,
            term -> {
              Holders held = holders.get(term);
              return held == null ? 0 : held.inQuestionsAndAnswers();
            });
    if (said.total() == 0 || faqs == 0) {
      return 0;
    }
    double[] missed = new double[faqs];
    int[] heldBy = new int[faqs]; // the last term found in each FAQ
    int termNumber = 0;
    for (Map.Entry<String, Double> term : said.weights().entrySet()) {
      termNumber++;
      Holders held = holders.get(term.getKey());
      if (held != null) {
        for (int position : held.positions()) {
          heldBy[position] = termNumber;
        }
      }
      for (int position = 0; position < faqs; position++) {
        if (heldBy[position] != termNumber) {
          missed[position] += term.getValue();
        }
      }
    }
    double least = missed[0];
    for (double m : missed) {
      least = Math.min(least, m);
    }
    return said.missing(least);
  }
}
