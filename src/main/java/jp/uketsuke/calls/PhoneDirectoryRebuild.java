package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes a tenant's phone directory from its whole call log up to the catch-up cutoff: a
 * repair, since the catch-up keeps the directory complete. Reading the whole history is the point
 * here and nowhere else. Running it again gives the same directory; an entry a concurrent catch-up
 * counted further is kept as it is.
 */
@ApplicationScoped
public class PhoneDirectoryRebuild {
  private static final int PAGE = 1000;

  @Inject CallHistory history;
  @Inject PhoneDirectory directory;
  @Inject DirectoryCatchUp catchUp;

  /** The rebuilt directory's size: phones written and stale entries removed. */
  public record Result(int phones, int removed) {}

  public Result rebuild(String tenantId) {
    Instant through = catchUp.cutoff();
    Map<String, PhoneEntry> entries = new HashMap<>();
    history
        .items(tenantId, new CallQuery(null, TimeRange.ALL, true), PAGE)
        .map(LogItems::turn)
        .filter(turn -> counts(turn, through))
        .forEach(
            turn ->
                entries.merge(
                    PhoneNumbers.normalize(turn.phoneNumber()),
                    first(turn),
                    PhoneDirectoryRebuild::add));
    entries.values().forEach(entry -> directory.put(tenantId, entry, through));
    directory.advance(tenantId, through);
    Set<String> stale =
        directory.read(tenantId).entries().entrySet().stream()
            .filter(e -> !entries.containsKey(e.getKey()))
            .filter(e -> e.getValue().through() == null || !e.getValue().through().isAfter(through))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    stale.forEach(phone -> directory.remove(tenantId, phone));
    return new Result(entries.size(), stale.size());
  }

  private static boolean counts(Turn turn, Instant through) {
    Instant at = LogTimes.instantOf(turn.ts());
    return at != null && !at.isAfter(through);
  }

  private static PhoneEntry first(Turn turn) {
    return new PhoneEntry(PhoneNumbers.normalize(turn.phoneNumber()), turn.ts(), 1, turn.callSid());
  }

  /** Last activity by instant, whatever the spelling: the later turn wins. */
  private static PhoneEntry add(PhoneEntry sofar, PhoneEntry next) {
    boolean newer =
        sofar.lastTs() == null
            || !LogTimes.instantOf(next.lastTs()).isBefore(LogTimes.instantOf(sofar.lastTs()));
    return new PhoneEntry(
        sofar.phoneNumber(),
        newer ? next.lastTs() : sofar.lastTs(),
        sofar.turns() + next.turns(),
        newer ? next.lastCallSid() : sofar.lastCallSid());
  }
}
