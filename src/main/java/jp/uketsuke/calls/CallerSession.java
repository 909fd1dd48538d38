package jp.uketsuke.calls;

/**
 * One call of a caller in the timeline.
 *
 * @param callSid null for turns that were stored without a call SID
 * @param firstTs time of the session's first turn
 * @param lastTs time of its last turn
 * @param summary the call's summary once it has ended, else absent from the JSON
 */
public record CallerSession(
    String callSid, String firstTs, String lastTs, int turns, CallSummary summary) {

  CallerSession withSummary(CallSummary summary) {
    return new CallerSession(callSid, firstTs, lastTs, turns, summary);
  }
}
