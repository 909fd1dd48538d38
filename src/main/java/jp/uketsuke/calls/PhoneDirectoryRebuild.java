package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes a tenant's phone directory from its call log, for turns written before the directory
 * existed (or by the old backend beside this one). Reading the whole history is the point here and
 * nowhere else. Running it again gives the same directory; turns appended while it runs may be
 * counted on the next run only.
 */
@ApplicationScoped
public class PhoneDirectoryRebuild {
  private static final int PAGE = 1000;

  @Inject CallHistory history;
  @Inject PhoneDirectory directory;

  /** The rebuilt directory's size: phones written and stale entries removed. */
  public record Result(int phones, int removed) {}

  public Result rebuild(String tenantId) {
    Map<String, PhoneEntry> entries = new HashMap<>();
    history
        .items(tenantId, new CallQuery(null, TimeRange.ALL, true), PAGE)
        .map(LogItems::turn)
        .forEach(
            turn -> entries.merge(turn.phoneNumber(), first(turn), PhoneDirectoryRebuild::add));
    entries.values().forEach(entry -> directory.put(tenantId, entry));
    Set<String> stale =
        directory.list(tenantId).stream()
            .map(PhoneEntry::phoneNumber)
            .filter(phone -> !entries.containsKey(phone))
            .collect(Collectors.toSet());
    stale.forEach(phone -> directory.remove(tenantId, phone));
    return new Result(entries.size(), stale.size());
  }

  private static PhoneEntry first(Turn turn) {
    return new PhoneEntry(turn.phoneNumber(), turn.ts(), 1, turn.callSid());
  }

  /** Ascending order means the later turn wins last activity. */
  private static PhoneEntry add(PhoneEntry sofar, PhoneEntry next) {
    boolean newer = sofar.lastTs() == null || next.lastTs().compareTo(sofar.lastTs()) >= 0;
    return new PhoneEntry(
        sofar.phoneNumber(),
        newer ? next.lastTs() : sofar.lastTs(),
        sofar.turns() + next.turns(),
        newer ? next.lastCallSid() : sofar.lastCallSid());
  }
}
