package jp.uketsuke.faq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
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
   * A long history yields hundreds of terms; searching all of them took 20 ms at 10,000 FAQs, the
   * rarest 128 (which decide the ranking anyway) about 3 ms. Also far below Lucene's clause limit.
   */
  static final int MAX_TERMS = 128;

  /** Analyzing under this name keeps every term (see {@link FaqAnalyzer}). */
  private static final String ALL_TERMS = "query";

  private static final Analyzer ANALYZER = new FaqAnalyzer();

  private final IndexReader reader;
  private final Map<String, TermsEnum> termsByField = new HashMap<>();
  private Set<String> terms = Set.of();

  private FaqQuery(IndexReader reader) {
    this.reader = reader;
  }

  /**
   * The text's distinct terms that occur in the index; of a long text only the rarest {@link
   * #MAX_TERMS}, which carry the most weight anyway.
   */
  static FaqQuery of(String text, IndexReader reader) throws IOException {
    FaqQuery query = new FaqQuery(reader);
    List<Map.Entry<String, Integer>> known = new ArrayList<>();
    for (String term : FaqTerms.distinct(ANALYZER, ALL_TERMS, text)) {
      int df = query.docFreq(FaqIndex.QUESTION, term) + query.docFreq(FaqIndex.ANSWER, term);
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
    query.terms = terms;
    return query;
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  Query toLucene() {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : terms) {
      float weight = weight(term);
      query.add(clause(FaqIndex.QUESTION, term, QUESTION_BOOST * weight), Occur.SHOULD);
      query.add(clause(FaqIndex.ANSWER, term, weight), Occur.SHOULD);
    }
    return query.build();
  }

  /**
   * The confidence that the text asks this question: the share of the question's distinct terms
   * found in the text, each weighted by its BM25 idf (and hiragana-only ones as in the ranking), so
   * "です" or "you" count little and "駐車場" much. It lies in [0, 1], does not grow with the length of
   * the text (history may be long), and is 1 when the caller says everything the question says.
   */
  double coverage(String question) throws IOException {
    double total = 0;
    double covered = 0;
    for (String term : FaqTerms.distinct(ANALYZER, ALL_TERMS, question)) {
      double idf = weight(term) * idf(docFreq(FaqIndex.QUESTION, term));
      total += idf;
      if (terms.contains(term)) {
        covered += idf;
      }
    }
    return total == 0 ? 0 : covered / total;
  }

  /**
   * How many FAQs hold the term in the field. One terms enumeration per field and query is reused
   * for all lookups, also by {@link #coverage}: a fresh one per term (as {@code
   * IndexReader.docFreq} makes) made long histories cost tens of milliseconds, and the coverage of
   * the top hits a third of a search at 10,000 FAQs.
   */
  private int docFreq(String base, String term) throws IOException {
    String field = field(base, term);
    TermsEnum enumeration = termsByField.get(field);
    if (enumeration == null && !termsByField.containsKey(field)) {
      Terms fieldTerms = MultiTerms.getTerms(reader, field);
      enumeration = fieldTerms == null ? null : fieldTerms.iterator();
      termsByField.put(field, enumeration);
    }
    return enumeration != null && enumeration.seekExact(new BytesRef(term))
        ? enumeration.docFreq()
        : 0;
  }

  private double idf(int docFreq) {
    int docs = reader.numDocs();
    return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
  }

  private static float weight(String term) {
    return FaqAnalyzer.isKana(term) ? KANA_WEIGHT : 1f;
  }

  private static Query clause(String base, String term, float boost) {
    return new BoostQuery(new TermQuery(new Term(field(base, term), term)), boost);
  }

  /** The field that holds the term: hiragana-only terms live in their own fields. */
  private static String field(String base, String term) {
    return FaqAnalyzer.isKana(term) ? base + FaqAnalyzer.KANA : base;
  }
}
