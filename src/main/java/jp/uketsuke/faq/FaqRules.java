package jp.uketsuke.faq;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a question and an answer must be. Besides the character limits the question is bounded in
 * UTF-8 bytes, because it is DynamoDB's sort key (at most 1,024 bytes): 500 Japanese characters
 * take 1,500 bytes and would otherwise fail inside the store.
 */
final class FaqRules {
  static final int QUESTION_MAX_CHARS = 500;
  static final int QUESTION_MAX_BYTES = 1024;
  static final int ANSWER_MAX_CHARS = 10_000;

  private FaqRules() {}

  /** The reason the question is not acceptable, or empty when it is. */
  static Optional<String> questionProblem(String question) {
    if (question == null || question.isBlank()) {
      return Optional.of("question must be a non-blank string.");
    }
    if (question.codePointCount(0, question.length()) > QUESTION_MAX_CHARS) {
      return Optional.of("question must have at most " + QUESTION_MAX_CHARS + " characters.");
    }
    if (question.getBytes(StandardCharsets.UTF_8).length > QUESTION_MAX_BYTES) {
      return Optional.of("question must take at most " + QUESTION_MAX_BYTES + " bytes in UTF-8.");
    }
    return Optional.empty();
  }

  /** The reason the answer is not acceptable, or empty when it is. */
  static Optional<String> answerProblem(String answer) {
    if (answer == null || answer.isBlank()) {
      return Optional.of("answer must be a non-blank string.");
    }
    if (answer.codePointCount(0, answer.length()) > ANSWER_MAX_CHARS) {
      return Optional.of("answer must have at most " + ANSWER_MAX_CHARS + " characters.");
    }
    return Optional.empty();
  }

  /** A question that could be stored at all; any other cannot exist, so lookups answer 404. */
  static boolean isStorableKey(String question) {
    return questionProblem(question).isEmpty();
  }

  /**
   * The string field of a JSON body, or null when it is missing or not a string (which the rules
   * above then refuse, naming the field).
   */
  static String text(JsonValue body, String field) {
    if (body instanceof JsonObject object && object.get(field) instanceof JsonString value) {
      return value.getString();
    }
    return null;
  }
}
