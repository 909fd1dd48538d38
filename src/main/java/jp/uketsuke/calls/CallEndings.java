package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tasks.Task;
import jp.uketsuke.tasks.TaskBook;
import jp.uketsuke.tasks.TaskFilter;
import jp.uketsuke.tenant.TenantContext;
import jp.uketsuke.webhooks.WebhookEvents;

/**
 * Ends the current tenant's calls: the first end of a call computes (with the model when one is
 * configured, else or on its failure extractively) and stores its summary and publishes {@code
 * call.ended}; a later end (another pod, a retry) answers the stored summary and publishes it again
 * under the same event id, which a webhook that has it already ignores: so a call whose first end
 * died between storing the summary and publishing still sends its {@code call.ended} once.
 */
@ApplicationScoped
public class CallEndings {
  private static final Logger LOG = Logger.getLogger(CallEndings.class.getName());
  static final int MAX_SID = 128;
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(200);

  @Inject TenantContext tenant;
  @Inject CallSessions sessions;
  @Inject CallSummaries summaries;
  @Inject TaskBook tasks;
  @Inject WebhookEvents webhooks;
  @Inject OpenCalls openCalls;
  @Inject ModelSummary modelSummary;
  @Inject SummaryLeases leases;

  /**
   * @throws ApiException 404 when the tenant has no turn with this SID
   */
  public CallSummary end(String callSid) {
    return end(tenant.tenantId(), callSid, null);
  }

  /**
   * Ends a call of a tenant the caller established without a token (Twilio's signed status
   * callback, whose account serves the tenant); empty when the tenant has no turn of the call.
   */
  public Optional<CallSummary> endOf(String tenantId, String callSid) {
    try {
      return Optional.of(end(tenantId, callSid, null));
    } catch (ApiException noTurns) {
      if (noTurns.status() != 404) {
        throw noTurns;
      }
      return Optional.empty();
    }
  }

  /**
   * Ends a call of a tenant named by the caller (the idle sweep; never a tenant from a request
   * body). The conditional write of the summary is what lets only one end publish.
   *
   * @param turns the call's turns when the caller read them already, else null
   */
  CallSummary end(String tenantId, String callSid, List<Turn> turns) {
    Optional<CallSummary> ended = summaries.find(tenantId, callSid);
    if (ended.isPresent()) {
      return endedAlready(tenantId, callSid, ended.get());
    }
    List<Turn> read = turns != null ? turns : sessions.session(tenantId, callSid);
    boolean leased = false;
    if (modelSummary.configured()) {
      // Another end of the call is asking the model right now: its summary, not a second call.
      Duration hold = modelSummary.timeout().plus(LEASE_MARGIN);
      leased = leases.take(tenantId, callSid, hold);
      if (!leased) {
        Optional<CallSummary> theirs = awaitSummary(tenantId, callSid, hold);
        if (theirs.isPresent()) {
          return endedAlready(tenantId, callSid, theirs.get());
        }
        // That end died before storing one; its lease has run out.
        leased = leases.take(tenantId, callSid, hold);
      }
    }
    try {
      String endedAt = Timestamps.now();
      CallSummary extractive =
          ExtractiveSummary.of(callSid, read, taskNames(tenantId, read, callSid), endedAt);
      CallSummary summary = modelSummary.of(tenantId, extractive, read).orElse(extractive);
      if (!summaries.add(tenantId, summary)) {
        return summaries.find(tenantId, callSid).orElse(summary);
      }
      publish(tenantId, summary);
      closeQuietly(tenantId, callSid);
      return summary;
    } finally {
      if (leased) {
        releaseQuietly(tenantId, callSid);
      }
    }
  }

  /** Another end stored the summary: published again under its event id (a no-op if sent). */
  private CallSummary endedAlready(String tenantId, String callSid, CallSummary summary) {
    publish(tenantId, summary);
    closeQuietly(tenantId, callSid);
    return summary;
  }

  /** The summary another end stores within {@code wait}, read every {@link #POLL}. */
  private Optional<CallSummary> awaitSummary(String tenantId, String callSid, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    while (Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiException.unavailable("The call is being ended; try again.");
      }
      Optional<CallSummary> stored = summaries.find(tenantId, callSid);
      if (stored.isPresent()) {
        return stored;
      }
    }
    return Optional.empty();
  }

  private void releaseQuietly(String tenantId, String callSid) {
    try {
      leases.release(tenantId, callSid);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "call end: the summary lease stays until it expires", e);
    }
  }

  /** {@code call.ended} under the one event id of this call's end. */
  private void publish(String tenantId, CallSummary summary) {
    webhooks.publishOnce(
        tenantId,
        WebhookEvents.CALL_ENDED,
        summary,
        Timestamps.parse(summary.endedAt(), "ended_at"),
        summary.callSid());
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

  /** The idle sweep need not look at an ended call again; if this fails, it finds it ended. */
  private void closeQuietly(String tenantId, String callSid) {
    try {
      openCalls.close(tenantId, callSid);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "open call left for the idle sweep to close", e);
    }
  }

  /** Tasks of the call: those that name its SID, and the caller's that changed during it. */
  private List<String> taskNames(String tenantId, List<Turn> turns, String callSid) {
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
    TaskFilter caller = filter;
    return tasks.stored(tenantId).stream()
        .filter(
            task ->
                callSid.equals(task.callSid())
                    || (known
                        && caller.matches(task)
                        && task.updatedAt() != null
                        && task.updatedAt().compareTo(started) >= 0))
        .map(Task::name)
        .toList();
  }
}
