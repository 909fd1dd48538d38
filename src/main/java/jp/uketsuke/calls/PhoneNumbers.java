package jp.uketsuke.calls;

/**
 * Phone numbers as keys. Callers and the console write them in many ways ({@code 090-1234-5678},
 * {@code +819012345678}); stored keys use one form: digits only, Japanese numbers in their domestic
 * form with a leading 0; full-width digits (０９０…) count as digits. Anything that has no digits (the
 * voice server's {@code unknown}) stays as written, trimmed.
 */
public final class PhoneNumbers {
  private PhoneNumbers() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.strip();
    StringBuilder digits = new StringBuilder(trimmed.length());
    trimmed
        .codePoints()
        .filter(Character::isDigit)
        .forEach(c -> digits.append(Character.forDigit(Character.digit(c, 10), 10)));
    if (digits.isEmpty()) {
      return trimmed;
    }
    boolean international = trimmed.startsWith("+");
    if (international
        && digits.length() > 2
        && digits.charAt(0) == '8'
        && digits.charAt(1) == '1') {
      return "0" + digits.substring(2);
    }
    return digits.toString();
  }
}
