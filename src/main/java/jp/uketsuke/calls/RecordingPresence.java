package jp.uketsuke.calls;

import java.util.List;

/**
 * Whether a caller's calls were recorded. Twilio holds the recordings, so the recordings capability
 * answers; the calls capability only asks, which keeps the dependency one way (recordings already
 * uses the call logs to decide ownership).
 */
public interface RecordingPresence {
  /**
   * True when one of these calls has a recording, false when none has, null when it cannot be told
   * (no Twilio account configured, Twilio failing, or more calls than are probed).
   *
   * @param callSidsNewestFirst the caller's call SIDs of this tenant, newest first
   */
  Boolean anyRecorded(String tenantId, List<String> callSidsNewestFirst);
}
