package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /recordings}: Twilio's recordings of one of the tenant's calls. */
@ApplicationScoped
@Path("/recordings")
@Produces(MediaType.APPLICATION_JSON)
public class RecordingsResource {
  @Inject TenantContext tenant;
  @Inject TwilioAccounts accounts;
  @Inject RecordingAccess access;

  /** The recordings of a call. */
  public record Listing(boolean ok, List<RecordingItem> items) {}

  @GET
  @Operation(
      summary = "All recordings of a call of this tenant (404 for a call not in its logs)",
      description =
          "media_format is the format Twilio stores; any recording can be fetched as mp3.")
  public Listing list(@QueryParam("call_sid") String callSid, @QueryParam("callSid") String alias) {
    tenant.caller();
    String sid = RecordingSids.require(callSid != null ? callSid : alias, "call_sid");
    accounts.requireConfigured();
    return new Listing(true, access.ofOwnCall(sid).stream().map(TwilioRecording::item).toList());
  }
}
