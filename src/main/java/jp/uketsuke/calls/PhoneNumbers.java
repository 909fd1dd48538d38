package jp.uketsuke.calls;

import java.util.regex.Pattern;

/**
 * Phone numbers as keys. Callers and the console write them in many ways ({@code 090-1234-5678},
 * {@code +819012345678}); stored keys use one form: digits only, Japanese numbers in their domestic
 * form with a leading 0; full-width digits (０９０…) count as digits. A trunk prefix written after the
 * country code, as in {@code +81 (0)90-1234-5678} or {@code +44 (0)20 …}, is not part of the
 * number. Anything that has no digits (the voice server's {@code unknown}) stays as written,
 * trimmed.
 */
public final class PhoneNumbers {
  /** {@code +} (or full-width ＋), a country code of one to three digits, then {@code (0)}. */
  private static final Pattern TRUNK_AFTER_COUNTRY_CODE =
      Pattern.compile("^([+＋][\\s.-]*\\p{Nd}{1,3})[\\s.-]*[(（]\\s*[0０]\\s*[)）]");

  private PhoneNumbers() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = TRUNK_AFTER_COUNTRY_CODE.matcher(raw.strip()).replaceFirst("$1 ");
    StringBuilder digits = new StringBuilder(trimmed.length());
    trimmed
        .codePoints()
        .filter(Character::isDigit)
        .forEach(c -> digits.append(Character.forDigit(Character.digit(c, 10), 10)));
    if (digits.isEmpty()) {
      return trimmed;
    }
    boolean international = trimmed.startsWith("+") || trimmed.startsWith("＋");
    if (international
        && digits.length() > 2
        && digits.charAt(0) == '8'
        && digits.charAt(1) == '1') {
      // +81 090… (the domestic form after the country code) keeps a single 0.
      String national = digits.substring(2);
      return national.startsWith("0") ? national : "0" + national;
    }
    return digits.toString();
  }
}
