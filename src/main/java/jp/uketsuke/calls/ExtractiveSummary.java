package jp.uketsuke.calls;

import java.util.List;
import java.util.Objects;

/**
 * A summary without a model: the caller's first question, the tasks of the call, and the
 * assistant's last answer, in that order.
 */
final class ExtractiveSummary {
  static final int MAX_PART = 300;

  private ExtractiveSummary() {}

  static CallSummary of(String callSid, List<Turn> turns, List<String> tasks, String endedAt) {
    String intent =
        turns.stream()
            .map(Turn::userText)
            .filter(ExtractiveSummary::said)
            .findFirst()
            .map(ExtractiveSummary::cut)
            .orElse(null);
    String lastAnswer = null;
    for (int i = turns.size() - 1; i >= 0 && lastAnswer == null; i--) {
      String answer = turns.get(i).assistantText();
      lastAnswer = said(answer) ? cut(answer) : null;
    }
    StringBuilder text = new StringBuilder();
    if (intent != null) {
      text.append("Caller: ").append(intent);
    }
    if (!tasks.isEmpty()) {
      text.append(text.isEmpty() ? "" : "\n").append("Tasks: ").append(String.join(", ", tasks));
    }
    if (lastAnswer != null) {
      text.append(text.isEmpty() ? "" : "\n").append("Assistant: ").append(lastAnswer);
    }
    String phone =
        turns.stream().map(Turn::phoneNumber).filter(Objects::nonNull).findFirst().orElse(null);
    return new CallSummary(
        callSid,
        phone,
        turns.get(0).ts(),
        endedAt,
        turns.size(),
        text.toString(),
        intent,
        tasks,
        "extractive");
  }

  private static boolean said(String text) {
    return text != null && !text.isBlank();
  }

  private static String cut(String text) {
    String stripped = text.strip();
    return stripped.length() <= MAX_PART ? stripped : stripped.substring(0, MAX_PART) + "…";
  }
}
