package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /call/summary}: an ended call's summary. */
@ApplicationScoped
@Path("/call/summary")
@Produces(MediaType.APPLICATION_JSON)
public class CallSummaryResource {
  @Inject TenantContext tenant;
  @Inject CallEndings endings;

  @GET
  @Operation(summary = "The summary of an ended call by call_sid; 404 until it has ended")
  public CallEndResource.Ended get(@QueryParam("call_sid") String callSid) {
    tenant.caller();
    return new CallEndResource.Ended(true, endings.summary(CallEndings.requireSid(callSid)));
  }
}
