package jp.uketsuke.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /audit}: this tenant's changes, newest first. */
@ApplicationScoped
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditLog audit;
  @Inject Permissions permissions;

  /** A page of audit records. */
  public record Listing(boolean ok, List<AuditEntry> items, String nextToken) {}

  @GET
  @Operation(summary = "Audit records of FAQ, task and settings changes, newest first")
  public Listing list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("next_token") String nextToken) {
    permissions.requirePerson();
    Instant fromTime = from == null ? null : Timestamps.parse(from, "from");
    Instant toTime = to == null ? null : Timestamps.parse(to, "to");
    AuditLog.Page page =
        audit.list(fromTime, toTime, QueryParams.intInRange(limit, "limit", 1, 200, 50), nextToken);
    return new Listing(true, page.items(), page.nextToken());
  }
}
