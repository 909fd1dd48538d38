package jp.uketsuke.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * What a caller said, as the terms of one FAQ index: a BM25 query over question and answer, and the
 * confidence that it asks a given question.
 */
final class FaqQuery {
  /** Callers ask the way owners write questions, so a question term counts double. */
  static final float QUESTION_BOOST = 2f;

  /**
   * Hiragana-only terms are mostly grammar ("てもらえますか"); at full weight they let any short question
   * with the same ending beat the FAQ that shares the caller's content words. On the test corpus 0
   * to 0.1 ranked best; a little weight keeps questions in hiragana ("つつじ") answerable.
   */
  static final float KANA_WEIGHT = 0.1f;

  /**
   * Weight of a Japanese word (Kuromoji, base form), beside the bigrams: 0.5 ranked best on the
   * evaluation set, though by little (docs/quality.md); words matter more for longer, written
   * questions, whose inflected forms bigrams split.
   */
  static final float WORD_WEIGHT = 0.5f;

  /**
   * Weight of a bigram of the reading ({@link FaqReadings}), beside the bigrams of the text as
   * written: kana for kanji and homophones of speech to text. 0.25 ranked best on the evaluation
   * set, 0.1 nearly as well (docs/quality.md) and keeps FaqRankingTest's paraphrases in the top 3
   * (at 0.25 the reading of a shared word outweighed 費用/料金); at 1 the reading's many common
   * syllable pairs drown the written terms.
   */
  static final float READING_WEIGHT = 0.1f;

  /**
   * A long history yields hundreds of terms; searching all of them took 20 ms at 10,000 FAQs, the
   * rarest 128 (which decide the ranking anyway) about 3 ms. Also far below Lucene's clause limit.
   */
  static final int MAX_TERMS = 128;

  /** How much of a text the word and reading views analyze (see {@link #head}). */
  static final int MORPHOLOGY_CHARS = 64;

  /** Analyzing under this name keeps every term (see {@link FaqAnalyzer}). */
  private static final String ALL_TERMS = "query";

  private static final Analyzer ANALYZER = new FaqAnalyzer();

  private final IndexReader reader;
  private final Map<String, TermsEnum> termsByField = new HashMap<>();

  /**
   * Where each term was found, by field: the clauses reuse it instead of seeking every term again
   * when Lucene builds the query's weights (44 % of a search's CPU at 10 FAQs, 16 % at 10,000).
   * Only for a single-segment index, which {@link FaqIndex} always builds.
   */
  private final Map<Term, TermStates> found = new HashMap<>();

  /** The text's written terms and their weights in the confidence. */
  private Said said = Said.NOTHING;

  /** Every term searched, keyed by the field suffix of its view ("" for the bigrams). */
  private final List<Map.Entry<String, String>> clauses = new ArrayList<>();

  private FaqQuery(IndexReader reader) {
    this.reader = reader;
  }

  /**
   * The text's distinct terms that occur in the index; of a long text only the rarest {@link
   * #MAX_TERMS}, which carry the most weight anyway.
   */
  static FaqQuery of(String text, IndexReader reader) throws IOException {
    FaqQuery query = new FaqQuery(reader);
    Set<String> written = written(text);
    query.known("", written);
    query.said = Said.of(written, reader.numDocs(), query::inQuestionsAndAnswers);
    String head = head(text);
    query.known(
        FaqAnalyzer.WORDS, FaqTerms.distinct(ANALYZER, ALL_TERMS + FaqAnalyzer.WORDS, head));
    query.known(
        FaqAnalyzer.READING,
        FaqTerms.distinct(ANALYZER, ALL_TERMS + FaqAnalyzer.READING, FaqReadings.of(head)));
    return query;
  }

  private int inQuestionsAndAnswers(String term) {
    try {
      return docFreq(FaqIndex.QUESTION, term) + docFreq(FaqIndex.ANSWER, term);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory FAQ index failed", e);
    }
  }

  /** The terms of the text as written (the bigram view), each once, in order. */
  static Set<String> written(String text) {
    return FaqTerms.distinct(ANALYZER, ALL_TERMS, text);
  }

  /**
   * Every term of the bigram view (the text as written), also those no FAQ holds, with its weight
   * in the confidence: its BM25 idf over question and answer (a term no FAQ holds has the highest),
   * times its weight in the ranking; of a long text the first {@link #MAX_TERMS}.
   *
   * @param total the weights' sum
   */
  record Said(Map<String, Double> weights, double total) {
    static final Said NOTHING = new Said(Map.of(), 0);

    /**
     * @param docs the FAQs in the index
     * @param docFreq how many FAQs hold the term in their question, plus how many in their answer
     */
    static Said of(Set<String> written, int docs, ToIntFunction<String> docFreq) {
      Map<String, Double> weights = new HashMap<>();
      double total = 0;
      for (String term : written) {
        if (weights.size() == MAX_TERMS) {
          break;
        }
        double weight = weight("", term) * idf(Math.min(docFreq.applyAsInt(term), docs), docs);
        weights.put(term, weight);
        total += weight;
      }
      return new Said(weights, total);
    }

    /**
     * The confidence for a FAQ holding the terms {@code held} accepts: the share of the weight that
     * it holds, in [0, 1], exactly 1 when it holds every term.
     */
    double confidence(Predicate<String> held) {
      double missed = 0; // summed rather than the held part, so that all held is exactly 1
      for (Map.Entry<String, Double> term : weights.entrySet()) {
        if (!held.test(term.getKey())) {
          missed += term.getValue();
        }
      }
      return missing(missed);
    }

    /**
     * The confidence for a FAQ that misses terms of this weight, summed in the order of {@link
     * #weights}' entries.
     */
    double missing(double missed) {
      return total == 0 ? 0 : Math.max(0, (total - missed) / total);
    }
  }

  /**
   * The start of the text, for the dictionary views: what a caller asks comes first and is short,
   * while a turn's words may be up to 20,000 characters ({@code ChatInput}) and morphological
   * analysis of all of them would cost each turn (and each wording {@code /faqs/gaps} ranks)
   * milliseconds. The whole text still counts through its written bigrams.
   */
  private static String head(String text) {
    if (text == null || text.length() <= MORPHOLOGY_CHARS) {
      return text;
    }
    int end = MORPHOLOGY_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Of the view's terms, those in the index (only the rarest {@link #MAX_TERMS}), as clauses. */
  private Set<String> known(String view, Set<String> analyzed) throws IOException {
    List<Map.Entry<String, Integer>> known = new ArrayList<>();
    for (String term : analyzed) {
      int df = docFreq(FaqIndex.QUESTION + view, term) + docFreq(FaqIndex.ANSWER + view, term);
      if (df > 0) {
        known.add(Map.entry(term, df));
      }
    }
    if (known.size() > MAX_TERMS) {
      known.sort(Map.Entry.comparingByValue());
      known = known.subList(0, MAX_TERMS);
    }
    Set<String> terms = new LinkedHashSet<>();
    known.forEach(entry -> terms.add(entry.getKey()));
    terms.forEach(term -> clauses.add(Map.entry(view, term)));
    return terms;
  }

  boolean isEmpty() {
    return clauses.isEmpty();
  }

  /**
   * Question and answer clauses for every term; a field that does not hold the term gets none (it
   * could match nothing and would only cost a lookup).
   */
  Query toLucene() {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Map.Entry<String, String> clause : clauses) {
      String view = clause.getKey();
      String term = clause.getValue();
      float weight = weight(view, term);
      addClause(query, FaqIndex.QUESTION + view, term, QUESTION_BOOST * weight);
      addClause(query, FaqIndex.ANSWER + view, term, weight);
    }
    return query.build();
  }

  private void addClause(BooleanQuery.Builder query, String base, String term, float boost) {
    Term key = new Term(field(base, term), term);
    TermStates states = found.get(key);
    if (states != null) {
      query.add(new BoostQuery(new TermQuery(key, states), boost), Occur.SHOULD);
    } else if (reader.leaves().size() != 1) {
      query.add(new BoostQuery(new TermQuery(key), boost), Occur.SHOULD);
    }
  }

  /**
   * The confidence that the FAQ answers the text: the share of what the caller said that the FAQ's
   * question or answer contains, each term of the text weighted by its idf (and hiragana-only ones
   * as in the ranking). A word no FAQ holds ("歯医者" at a clinic of internal medicine) weighs most,
   * so a question about something the FAQ never mentions stays low however well its other words
   * match; "です" counts little. It lies in [0, 1] and is 1 when every term of the text is in the
   * FAQ. Chosen over the share of the FAQ question's terms the text contains (the earlier
   * confidence) by the evaluation in docs/quality.md: at the same share of unanswerable questions
   * answered, it lets far more answerable ones be answered right.
   */
  double confidence(FaqItem faq) {
    if (said.total() == 0) {
      return 0;
    }
    Set<String> faqTerms = written(faq.question());
    faqTerms.addAll(written(faq.answer()));
    return said.confidence(faqTerms::contains);
  }

  /**
   * How many FAQs hold the term in the field. One terms enumeration per field and query is reused
   * for all lookups: a fresh one per term (as {@code IndexReader.docFreq} makes) made long
   * histories cost tens of milliseconds.
   */
  private int docFreq(String base, String term) throws IOException {
    String field = field(base, term);
    TermsEnum enumeration = termsByField.get(field);
    if (enumeration == null && !termsByField.containsKey(field)) {
      Terms fieldTerms = MultiTerms.getTerms(reader, field);
      enumeration = fieldTerms == null ? null : fieldTerms.iterator();
      termsByField.put(field, enumeration);
    }
    if (enumeration == null || !enumeration.seekExact(new BytesRef(term))) {
      return 0;
    }
    if (reader.leaves().size() == 1) {
      Term key = new Term(field, term);
      if (!found.containsKey(key)) {
        found.put(key, statesHere(enumeration));
      }
    }
    return enumeration.docFreq();
  }

  private TermStates statesHere(TermsEnum enumeration) throws IOException {
    return new TermStates(
        reader.getContext(),
        enumeration.termState(),
        reader.leaves().get(0).ord,
        enumeration.docFreq(),
        enumeration.totalTermFreq());
  }

  private static double idf(int docFreq, int docs) {
    return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
  }

  private static float weight(String view, String term) {
    if (view.equals(FaqAnalyzer.WORDS)) {
      return WORD_WEIGHT;
    } else if (view.equals(FaqAnalyzer.READING)) {
      return READING_WEIGHT;
    }
    return FaqAnalyzer.isKana(term) ? KANA_WEIGHT : 1f;
  }

  /**
   * The field that holds the term: the view's own fields, and in the bigram view hiragana-only
   * terms in their own fields.
   */
  private static String field(String base, String term) {
    if (base.endsWith(FaqAnalyzer.WORDS) || base.endsWith(FaqAnalyzer.READING)) {
      return base;
    }
    return FaqAnalyzer.isKana(term) ? base + FaqAnalyzer.KANA : base;
  }
}
