package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tasks.Task;
import jp.uketsuke.tasks.TaskBook;
import jp.uketsuke.tasks.TaskFilter;
import jp.uketsuke.tenant.TenantContext;
import jp.uketsuke.webhooks.WebhookEvents;

/**
 * Ends the current tenant's calls: the first end of a call computes and stores its summary and
 * publishes {@code call.ended}; a later end (another pod, a retry) answers the stored summary and
 * publishes nothing.
 */
@ApplicationScoped
public class CallEndings {
  static final int MAX_SID = 128;

  @Inject TenantContext tenant;
  @Inject CallSessions sessions;
  @Inject CallSummaries summaries;
  @Inject TaskBook tasks;
  @Inject WebhookEvents webhooks;

  /**
   * @throws ApiException 404 when the tenant has no turn with this SID
   */
  public CallSummary end(String callSid) {
    String tenantId = tenant.tenantId();
    Optional<CallSummary> ended = summaries.find(tenantId, callSid);
    if (ended.isPresent()) {
      return ended.get();
    }
    List<Turn> turns = sessions.session(callSid);
    String endedAt = Timestamps.now();
    CallSummary summary = ExtractiveSummary.of(callSid, turns, taskNames(turns, callSid), endedAt);
    if (!summaries.add(tenantId, summary)) {
      return summaries.find(tenantId, callSid).orElse(summary);
    }
    webhooks.publish(WebhookEvents.CALL_ENDED, summary);
    return summary;
  }

  /** The stored summary; 404 until the call has ended. */
  public CallSummary summary(String callSid) {
    return summaries
        .find(tenant.tenantId(), callSid)
        .orElseThrow(() -> ApiException.notFound("No ended call with this call_sid."));
  }

  static String requireSid(String callSid) {
    if (callSid == null || callSid.isBlank()) {
      throw ApiException.badRequest("call_sid is required.");
    }
    String sid = callSid.strip();
    if (sid.length() > MAX_SID) {
      throw ApiException.badRequest("call_sid must have at most " + MAX_SID + " characters.");
    }
    return sid;
  }

  /** Tasks of the call: those that name its SID, and the caller's that changed during it. */
  private List<String> taskNames(List<Turn> turns, String callSid) {
    String started = turns.get(0).ts();
    String phone = turns.get(0).phoneNumber();
    boolean byPhone = phone != null && !phone.isBlank() && !phone.equals("unknown");
    TaskFilter filter = TaskFilter.of(null, null);
    if (byPhone) {
      try {
        filter = TaskFilter.of(phone, null);
      } catch (ApiException notAPhone) {
        byPhone = false; // a number the task rules do not take: only tasks naming the SID
      }
    }
    boolean known = byPhone;
    return tasks.listAll(filter).stream()
        .filter(
            task ->
                callSid.equals(task.callSid())
                    || (known
                        && task.updatedAt() != null
                        && task.updatedAt().compareTo(started) >= 0))
        .map(Task::name)
        .toList();
  }
}
