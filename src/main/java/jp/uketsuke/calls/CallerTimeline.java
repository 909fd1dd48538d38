package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A caller at a glance: their calls, newest first, each with its summary once ended, and tasks. */
@ApplicationScoped
public class CallerTimeline {
  private static final int PAGE = 1000;

  @Inject CallHistory history;
  @Inject PhoneLinkedItems linked;
  @Inject CallSummaries summaries;

  /** The timeline of one phone; empty lists for a phone the tenant does not know. */
  public record Timeline(List<CallerSession> sessions, List<CallerTask> tasks) {}

  public Timeline of(String tenantId, String phone) {
    Map<String, CallerSession> sessions = new LinkedHashMap<>();
    history
        .items(tenantId, new CallQuery(phone, TimeRange.ALL, true), PAGE)
        .map(LogItems::turn)
        .forEach(
            turn ->
                sessions.merge(
                    String.valueOf(turn.callSid()),
                    new CallerSession(turn.callSid(), turn.ts(), turn.ts(), 1, null),
                    CallerTimeline::extend));
    Map<String, CallSummary> ended =
        summaries.findAll(
            tenantId,
            sessions.values().stream()
                .map(CallerSession::callSid)
                .filter(sid -> sid != null && !sid.isBlank())
                .toList());
    List<CallerSession> newestFirst =
        sessions.values().stream()
            .map(s -> s.callSid() == null ? s : s.withSummary(ended.get(s.callSid())))
            .sorted(Comparator.comparing(CallerSession::lastTs).reversed())
            .toList();
    return new Timeline(newestFirst, linked.tasks(tenantId, phone));
  }

  /** Turns arrive oldest first, so a later one only moves the end. */
  private static CallerSession extend(CallerSession sofar, CallerSession next) {
    return new CallerSession(
        sofar.callSid(), sofar.firstTs(), next.lastTs(), sofar.turns() + 1, null);
  }
}
