package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Bodies;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /call}: one turn by phone and time, or a whole session by call SID. The voice server
 * appends and reads; changing and deleting is for people.
 */
@ApplicationScoped
@Path("/call")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {
  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject CallLog log;
  @Inject CallSessions sessions;
  @Inject Bodies bodies;

  /** One turn. */
  public record One(boolean ok, Turn item) {}

  /** The turns of a session, in time order. */
  public record Session(boolean ok, List<Turn> items) {}

  /** A delete; {@code deleted} counts the turns of a deleted session. */
  public record Deleted(boolean ok, Integer deleted) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Append a turn; never overwrites (409 when the given ts exists)")
  public One append(
      @RequestBody(content = @Content(schema = @Schema(implementation = TurnInput.class)))
          JsonValue body) {
    tenant.caller();
    return new One(true, log.append(bodies.valid(TurnInput.of(body)).turn()));
  }

  @GET
  @Operation(summary = "One turn by phone and ts, or a session's turns by call_sid in time order")
  public Object get(
      @QueryParam("phone") String phone,
      @QueryParam("ts") String ts,
      @QueryParam("call_sid") String callSid) {
    tenant.caller();
    if (present(callSid)) {
      return new Session(true, sessions.session(callSid.strip()));
    }
    Key key = key(phone, ts);
    return new One(
        true,
        log.get(key.phone(), key.ts())
            .orElseThrow(() -> ApiException.notFound("There is no such turn.")));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the texts or call SID of an existing turn (404 when missing)")
  public One update(
      @RequestBody(content = @Content(schema = @Schema(implementation = TurnInput.class)))
          JsonValue body) {
    permissions.requirePerson();
    return new One(
        true, log.update(bodies.valid(TurnInput.of(body), TurnInput.Existing.class).turn()));
  }

  @DELETE
  @Operation(summary = "Delete one turn by phone and ts, or a whole session by call_sid")
  public Deleted delete(
      @QueryParam("phone") String phone,
      @QueryParam("ts") String ts,
      @QueryParam("call_sid") String callSid) {
    permissions.requirePerson();
    if (present(callSid)) {
      return new Deleted(true, sessions.delete(callSid.strip()));
    }
    Key key = key(phone, ts);
    log.delete(key.phone(), key.ts());
    return new Deleted(true, null);
  }

  private record Key(String phone, String ts) {}

  private static Key key(String phone, String ts) {
    if (!present(phone) || !present(ts)) {
      throw ApiException.badRequest("Send phone and ts, or call_sid.");
    }
    return new Key(CallsResource.phoneOrNull(phone), LogTimes.stored(ts, "ts"));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
