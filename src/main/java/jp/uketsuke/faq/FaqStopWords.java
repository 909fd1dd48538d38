package jp.uketsuke.faq;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;

/**
 * Words that say nothing about what a caller wants: Lucene's Japanese stop words, and what people
 * say on the phone around a question (fillers, apologies, "I'd like to ask"), in the base forms
 * Kuromoji gives them.
 */
final class FaqStopWords {
  private FaqStopWords() {}

  static final List<String> SPOKEN =
      List.of(
          "えーと", "えっと", "ええと", "えー", "あの", "あのー", "あのう", "その", "えと", "うーん", "んー", "まあ", "なんか",
          "ちょっと", "もしもし", "すみません", "すいません", "すみませ", "すいませ", "恐れ入る", "お忙しい", "ところ", "聞く", "伺う",
          "問い合わせ", "お聞き", "質問", "ん", "です", "ます", "ござる", "いる", "ある", "する", "なる", "できる", "いい", "よい",
          "もらえる", "もらう", "くれる", "いただく", "いただける", "お願い", "願う", "そちら", "こちら", "そっち", "今", "ちょっと",
          "って", "とか", "けど", "ですけど", "んですけど");

  static final CharArraySet JAPANESE = japanese();

  private static CharArraySet japanese() {
    CharArraySet words = new CharArraySet(JapaneseAnalyzer.getDefaultStopSet(), false);
    words.addAll(SPOKEN);
    return CharArraySet.unmodifiableSet(words);
  }
}
