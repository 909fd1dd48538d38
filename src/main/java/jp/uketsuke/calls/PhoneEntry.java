package jp.uketsuke.calls;

/**
 * A caller in the tenant's phone directory.
 *
 * @param lastTs time of the newest turn
 * @param turns how many turns are stored for this phone
 * @param lastCallSid the call SID of the newest turn, when it had one
 */
public record PhoneEntry(String phoneNumber, String lastTs, long turns, String lastCallSid) {}
