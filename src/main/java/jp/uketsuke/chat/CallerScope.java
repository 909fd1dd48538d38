package jp.uketsuke.chat;

import jp.uketsuke.calls.PhoneNumbers;

/**
 * The one caller a turn or a tool call acts for. Task tools see and touch only this phone's tasks,
 * and stamp this phone and call on what they create.
 *
 * @param phone normalised; {@code unknown} (no digits) when the caller ID was withheld
 * @param callSid the call, or null
 */
public record CallerScope(String phone, String callSid) {
  public static CallerScope of(String rawPhone, String callSid) {
    return new CallerScope(
        PhoneNumbers.normalize(rawPhone),
        callSid == null || callSid.isBlank() ? null : callSid.strip());
  }

  /** A withheld number identifies nobody, so it owns no tasks. */
  public boolean identified() {
    return phone != null && phone.chars().anyMatch(Character::isDigit);
  }
}
