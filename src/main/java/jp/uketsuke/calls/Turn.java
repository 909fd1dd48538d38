package jp.uketsuke.calls;

/**
 * One turn of a call as the API shows it: what the caller said, what the assistant answered, or
 * (from the voice server) one of the two.
 *
 * @param phoneNumber the normalised phone, or {@code unknown}
 * @param ts ISO-8601 UTC; seconds in old items, microseconds in new ones
 */
public record Turn(
    String phoneNumber, String ts, String userText, String assistantText, String callSid) {

  Turn withTs(String newTs) {
    return new Turn(phoneNumber, newTs, userText, assistantText, callSid);
  }
}
