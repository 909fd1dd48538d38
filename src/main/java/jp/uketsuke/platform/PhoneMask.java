package jp.uketsuke.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as logs may show them: the first three and the last two digits, enough to tell
 * callers apart, not to call them. {@link #in} finds numbers inside free text (paths, queries,
 * exception messages): a run of digits, written with or without {@code +}, spaces, hyphens, dots or
 * parentheses, that holds at least seven digits and is not part of a word (so ids like {@code
 * CA0123456789abc} stay readable).
 */
public final class PhoneMask {
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\p{L}\\p{N}_])\\+?\\(?\\d[\\d\\s().+\\-]*\\d(?![\\p{L}\\p{N}_])");
  private static final int MIN_DIGITS = 7;

  private PhoneMask() {}

  private static boolean fewerDigitsThanANumber(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++digits >= MIN_DIGITS) {
        return false;
      }
    }
    return true;
  }

  /** One phone number, masked; shorter values are starred whole. */
  public static String mask(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() < MIN_DIGITS) {
      return "*".repeat(digits.length());
    }
    return digits.substring(0, 3)
        + "*".repeat(digits.length() - 5)
        + digits.substring(digits.length() - 2);
  }

  /**
   * The text with every phone-like number in it masked. Text with fewer than seven digits in all
   * (most request targets: FAQ questions, task names) holds no such number and is returned as is,
   * without the pattern's scan: this runs for every request's log line.
   */
  public static String in(String text) {
    if (text == null || fewerDigitsThanANumber(text)) {
      return text;
    }
    Matcher m = NUMBER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String found = m.group();
      long digits = found.chars().filter(Character::isDigit).count();
      m.appendReplacement(
          out, Matcher.quoteReplacement(digits >= MIN_DIGITS ? mask(found) : found));
    }
    m.appendTail(out);
    return out.toString();
  }
}
