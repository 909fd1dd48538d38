package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /callers/{phone}}: one caller's timeline, and erasing everything about them. */
@ApplicationScoped
@Path("/callers/{phone}")
@Produces(MediaType.APPLICATION_JSON)
public class CallersResource {
  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject CallerTimeline timeline;
  @Inject CallerErasure erasure;
  @Inject AuditLog audit;
  @Inject RecordingPresence recorded;

  /** A caller's timeline; {@code recordings} is null when it cannot be told (see the operation). */
  @JsonbNillable
  public record Timeline(
      boolean ok,
      String phoneNumber,
      List<CallerSession> sessions,
      List<CallerTask> tasks,
      Boolean recordings) {}

  /** What an erasure removed. */
  public record Erasure(boolean ok, CallerErasure.Erased deleted) {}

  @GET
  @Operation(
      summary =
          "A caller's calls (grouped by call_sid, newest first; an ended call with its summary)"
              + " and tasks",
      description =
          "recordings: true when Twilio holds a recording of one of the caller's calls, false"
              + " when it holds none, null when that cannot be told: no Twilio account is"
              + " configured, Twilio failed to answer, or the caller has more calls than are"
              + " probed (uketsuke.twilio.timeline-probe-calls, newest first) and none of those"
              + " was recorded. Twilio trouble never fails the timeline.")
  public Timeline get(@PathParam("phone") String phone) {
    String number = number(phone);
    CallerTimeline.Timeline found = timeline.of(tenant.tenantId(), number);
    List<String> calls =
        found.sessions().stream()
            .map(CallerSession::callSid)
            .filter(sid -> sid != null && !sid.isBlank())
            .toList();
    Boolean recordings =
        calls.isEmpty() ? Boolean.FALSE : recorded.anyRecorded(tenant.tenantId(), calls);
    return new Timeline(true, number, found.sessions(), found.tasks(), recordings);
  }

  @DELETE
  @Operation(
      summary =
          "Erase a caller: their turns, directory entry, stored transcripts, tasks and call"
              + " summaries")
  public Erasure erase(@PathParam("phone") String phone) {
    permissions.requirePerson();
    String number = number(phone);
    CallerErasure.Erased erased = erasure.erase(tenant.tenantId(), number);
    audit.record("caller.erase", number, null, counts(erased));
    return new Erasure(true, erased);
  }

  private static String number(String phone) {
    String number = CallsResource.phoneOrNull(phone);
    if (number == null) {
      throw ApiException.badRequest("phone is required.");
    }
    return number;
  }

  private static String counts(CallerErasure.Erased erased) {
    return "turns=%d tasks=%d transcripts=%d directory=%d summaries=%d"
        .formatted(
            erased.turns(),
            erased.tasks(),
            erased.transcripts(),
            erased.directory(),
            erased.summaries());
  }
}
