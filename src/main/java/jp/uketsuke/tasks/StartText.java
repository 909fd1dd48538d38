package jp.uketsuke.tasks;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Start texts made comparable: one form for digits and letters, and whether they speak of time. */
final class StartText {
  private static final Pattern KANJI_NUMBER = Pattern.compile("[〇零一二三四五六七八九十]+");
  private static final String KANJI_DIGITS = "〇一二三四五六七八九";

  /** Words and shapes that speak of a date or time, though perhaps not of one we can read. */
  private static final Pattern HINT =
      Pattern.compile(
          "\\d\\s*(?:年|月|日|時|分|半|:|/|[ap]\\.?m)|曜|今日|本日|明日|明後日|昨日|あした|あさって|きょう"
              + "|今週|来週|再来週|今月|来月|再来月|今年|来年|週末|月末|年末|年始|月初|上旬|中旬|下旬"
              + "|午前|午後|正午|朝|昼|夕方|夜|晩|深夜|頃|ごろ|以降|まで|today|tomorrow|tonight"
              + "|morning|noon|afternoon|evening|week|month|monday|tuesday|wednesday|thursday"
              + "|friday|saturday|sunday");

  private StartText() {}

  /** Full-width to ASCII, kanji numerals to digits, lower case. */
  static String normalise(String text) {
    String nfkc = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
    Matcher kanji = KANJI_NUMBER.matcher(nfkc);
    StringBuilder out = new StringBuilder();
    while (kanji.find()) {
      kanji.appendReplacement(out, Matcher.quoteReplacement(kanjiNumber(kanji.group())));
    }
    kanji.appendTail(out);
    return out.toString().replace('〜', '~').toLowerCase(Locale.ROOT);
  }

  /** {@code 二〇二六} → 2026, {@code 二十四} → 24, {@code 十} → 10; other runs stay as they are. */
  private static String kanjiNumber(String run) {
    String digits = run.replace('零', '〇');
    int ten = digits.indexOf('十');
    if (ten < 0) {
      StringBuilder out = new StringBuilder();
      digits.chars().forEach(c -> out.append(KANJI_DIGITS.indexOf(c)));
      return out.toString();
    }
    String before = digits.substring(0, ten);
    String after = digits.substring(ten + 1);
    if (before.length() > 1 || after.length() > 1 || after.indexOf('十') >= 0) {
      return run;
    }
    int tens = before.isEmpty() ? 1 : KANJI_DIGITS.indexOf(before.charAt(0));
    int ones = after.isEmpty() ? 0 : KANJI_DIGITS.indexOf(after.charAt(0));
    return Integer.toString(tens * 10 + ones);
  }

  /**
   * Whether the text speaks of a date or time at all (a day, an hour, 来週, 午後, 月末ごろ), though perhaps
   * not of one that can be read: such text is kept, anything else is not a date.
   */
  static boolean speaksOfTime(String normal) {
    return HINT.matcher(normal).find();
  }
}
