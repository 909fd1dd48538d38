package jp.uketsuke.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A text as it sounds: the katakana reading of its content words (Kuromoji's dictionary), particles
 * and auxiliaries left out, words that stood side by side joined and the others apart. Speech to
 * text writes a caller's words in kana or with the wrong kanji of the same sound (選定 for 剪定, 保健証
 * for 保険証); read aloud, both sides agree again.
 */
final class FaqReadings {
  private FaqReadings() {}

  private static final Analyzer WORDS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
          TokenStream words =
              new JapanesePartOfSpeechStopFilter(source, JapaneseAnalyzer.getDefaultStopTags());
          return new TokenStreamComponents(source, words);
        }
      };

  /**
   * The reading of the text; words with no reading in the dictionary as written, kana as katakana.
   */
  static String of(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder reading = new StringBuilder(text.length() * 2);
    try (TokenStream words = WORDS.tokenStream("", text)) {
      CharTermAttribute term = words.addAttribute(CharTermAttribute.class);
      ReadingAttribute sound = words.addAttribute(ReadingAttribute.class);
      OffsetAttribute offset = words.addAttribute(OffsetAttribute.class);
      words.reset();
      int lastEnd = -1;
      while (words.incrementToken()) {
        if (lastEnd >= 0 && offset.startOffset() != lastEnd) {
          reading.append(' ');
        }
        String read = sound.getReading();
        appendKatakana(reading, read == null ? term : read);
        lastEnd = offset.endOffset();
      }
      words.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing a string cannot fail", e);
    }
    return reading.toString();
  }

  private static void appendKatakana(StringBuilder out, CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
    }
  }
}
