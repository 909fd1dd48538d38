package jp.uketsuke.calls;

import java.util.Comparator;
import java.util.List;

/**
 * A caller in the tenant's phone directory.
 *
 * @param lastTs time of the newest turn, as its writer spelled it
 * @param turns how many turns are stored for this phone
 * @param lastCallSid the call SID of the newest turn, when it had one
 */
public record PhoneEntry(String phoneNumber, String lastTs, long turns, String lastCallSid) {

  /** The directory's callers, newest activity first (by instant, whatever the spelling). */
  static List<PhoneEntry> newestFirst(PhoneDirectory.State state) {
    return state.entries().values().stream()
        .map(PhoneDirectory.Stored::shown)
        .sorted(
            Comparator.comparing(
                    (PhoneEntry e) -> LogTimes.instantOf(e.lastTs()),
                    Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PhoneEntry::phoneNumber))
        .toList();
  }
}
