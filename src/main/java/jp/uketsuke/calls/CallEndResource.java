package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /call/end}: the voice server, or a person, ends a call now. */
@ApplicationScoped
@Path("/call/end")
@Produces(MediaType.APPLICATION_JSON)
public class CallEndResource {
  @Inject TenantContext tenant;
  @Inject CallEndings endings;

  /** The ended call's summary. */
  public record Ended(boolean ok, CallSummary summary) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "End a call {call_sid}: its summary, stored once; 404 when no turn has the SID",
      description =
          "The first end of a call stores its summary and sends call.ended to the webhooks that"
              + " want it; ending it again answers the same summary and sends nothing.")
  public Ended end(JsonValue body) {
    tenant.caller();
    if (!(body instanceof JsonObject json && json.get("call_sid") instanceof JsonString sid)) {
      throw ApiException.badRequest("The body must be {\"call_sid\": \"CA...\"}.");
    }
    return new Ended(true, endings.end(CallEndings.requireSid(sid.getString())));
  }
}
