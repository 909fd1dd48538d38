package jp.uketsuke.faq;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Terms for FAQ retrieval in Japanese and English. Japanese has no spaces, so runs of kanji and
 * kana become overlapping character bigrams plus single characters, which match paraphrases without
 * a dictionary; English words are lower-cased, stripped of stop words and Porter-stemmed so "hours"
 * meets "hour". Full-width Latin letters and digits ("９時", "ＷｉＦｉ") are folded to half width and
 * half-width katakana to full width before tokenizing, so input methods do not matter.
 *
 * <p>Terms of hiragana only ("ます", "もらえ") are mostly grammar, yet frequent enough in a small FAQ to
 * outweigh a rare content word; fields named with {@link #KANA} keep only those, the other fields
 * everything else, so the index can weigh them less. Any other field name keeps all terms (for
 * analyzing a query, whose terms are then routed by {@link #isKana}).
 */
final class FaqAnalyzer extends Analyzer {
  static final String KANA = "_kana";

  /** Fields ending so hold Japanese words (Kuromoji): base forms, no particles or fillers. */
  static final String WORDS = "_ja";

  /**
   * Fields ending so hold the bigrams of a text's reading ({@link FaqReadings}), which the caller
   * of the analyzer gives instead of the text.
   */
  static final String READING = "_read";

  FaqAnalyzer() {
    super(PER_FIELD_REUSE_STRATEGY); // the chain differs by field
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new CJKWidthCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    if (fieldName.endsWith(WORDS)) {
      return words();
    }
    Tokenizer source = new StandardTokenizer();
    TokenStream terms = new LowerCaseFilter(source);
    terms = new CJKBigramFilter(terms, CJK_SCRIPTS, true);
    terms = new EnglishPossessiveFilter(terms);
    terms = new StopFilter(terms, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    terms = new PorterStemFilter(terms);
    if (fieldName.endsWith(KANA)) {
      terms = new KanaFilter(terms, true);
    } else if (fieldName.equals(FaqIndex.QUESTION) || fieldName.equals(FaqIndex.ANSWER)) {
      terms = new KanaFilter(terms, false);
    }
    return new TokenStreamComponents(source, terms);
  }

  /**
   * Kuromoji in search mode (compounds also as their parts: 駐車場 gives 駐車 and 場 too), each word in
   * its base form (使えます, 使える), katakana without a final long vowel mark, and none of the particles,
   * auxiliaries, fillers and polite phrases that say nothing about the topic.
   */
  private static TokenStreamComponents words() {
    Tokenizer source = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
    TokenStream terms = new JapaneseBaseFormFilter(source);
    terms = new JapanesePartOfSpeechStopFilter(terms, JapaneseAnalyzer.getDefaultStopTags());
    terms = new LowerCaseFilter(terms);
    terms = new StopFilter(terms, FaqStopWords.JAPANESE);
    terms = new JapaneseKatakanaStemFilter(terms);
    return new TokenStreamComponents(source, terms);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  /** True for a term written in hiragana only. */
  static boolean isKana(CharSequence term) {
    // A plain loop: this runs for every term of every query and question ranked.
    int length = term.length();
    if (length == 0) {
      return false;
    }
    for (int i = 0; i < length; ) {
      int c = Character.codePointAt(term, i);
      if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HIRAGANA) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static final int CJK_SCRIPTS =
      CJKBigramFilter.HAN
          | CJKBigramFilter.HIRAGANA
          | CJKBigramFilter.KATAKANA
          | CJKBigramFilter.HANGUL;

  /** Keeps the hiragana-only terms, or all others. */
  private static final class KanaFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final boolean kana;

    KanaFilter(TokenStream in, boolean kana) {
      super(in);
      this.kana = kana;
    }

    @Override
    protected boolean accept() {
      return isKana(term) == kana;
    }
  }
}
