package jp.uketsuke.recordings;

/**
 * A recording as Twilio describes it, reduced to what this service uses.
 *
 * @param duration seconds; null while Twilio is still processing it
 * @param dateCreated ISO-8601 UTC
 * @param mediaFormat the format Twilio stores ({@code wav} unless its media URL names another)
 */
record TwilioRecording(
    String sid,
    String callSid,
    String accountSid,
    Integer duration,
    String dateCreated,
    String mediaFormat) {

  RecordingItem item() {
    return new RecordingItem(sid, duration, dateCreated, mediaFormat);
  }
}
