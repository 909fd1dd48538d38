package jp.uketsuke.faq;

/**
 * One entry of an import file before validation.
 *
 * @param row its position among the file's entries, from 1 (a CSV header is not counted)
 * @param problem why the row cannot be read at all, or null (the fields are then checked later)
 */
record FaqRow(int row, String question, String answer, String problem) {
  static FaqRow of(int row, String question, String answer) {
    return new FaqRow(row, question, answer, null);
  }

  static FaqRow unreadable(int row, String problem) {
    return new FaqRow(row, null, null, problem);
  }
}
