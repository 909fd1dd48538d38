package jp.uketsuke.calls;

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
@Path("/callers/{phone}")
@Produces(MediaType.APPLICATION_JSON)
public class CallersResource {
  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject CallerTimeline timeline;
  @Inject CallerErasure erasure;
  @Inject AuditLog audit;

  /**
   * A caller's timeline. {@code recordings} is null until the recordings capability answers whether
   * recordings exist.
   */
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
      summary = "A caller's calls (grouped by call_sid, newest first) and tasks",
      description =
          "recordings is always null for now: whether recordings exist will be answered once"
              + " the recordings capability is available.")
  public Timeline get(@PathParam("phone") String phone) {
    String number = number(phone);
    CallerTimeline.Timeline found = timeline.of(tenant.tenantId(), number);
    return new Timeline(true, number, found.sessions(), found.tasks(), null);
  }

  @DELETE
  @Operation(summary = "Erase a caller: their turns, directory entry, stored transcripts and tasks")
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
    return "turns=%d tasks=%d transcripts=%d directory=%d"
        .formatted(erased.turns(), erased.tasks(), erased.transcripts(), erased.directory());
  }
}
