package jp.uketsuke.calls;

import java.util.List;

/**
 * What an ended call was about, computed once when it ends and stored: the {@code data} of a {@code
 * call.ended} event and the answer of {@code GET /call/summary}.
 *
 * @param text the summary itself
 * @param callerIntent what the caller first asked
 * @param tasks names of the tasks created or changed during the call
 * @param mode {@code extractive}: taken from the turns, no model
 */
public record CallSummary(
    String callSid,
    String phoneNumber,
    String startedAt,
    String endedAt,
    int turns,
    String text,
    String callerIntent,
    List<String> tasks,
    String mode) {}
