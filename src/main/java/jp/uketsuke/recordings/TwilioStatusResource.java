package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.Set;
import jp.uketsuke.calls.CallEndings;
import jp.uketsuke.calls.CallSessions;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.tenant.OwnAuthentication;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * {@code POST /twilio/status}: Twilio's call status callback. It carries no bearer token: Twilio's
 * signature is its authentication ({@link TwilioSignatures}), and the tenant is the one whose call
 * it is, provided the signing account serves that tenant. A final status ends the call like {@code
 * POST /call/end}.
 */
@ApplicationScoped
@Path("/twilio/status")
@OwnAuthentication
@Produces(MediaType.APPLICATION_JSON)
public class TwilioStatusResource {
  /** Twilio's final call statuses. */
  static final Set<String> FINAL = Set.of("completed", "busy", "failed", "no-answer", "canceled");

  @Inject TwilioSignatures signatures;
  @Inject TwilioAccounts accounts;
  @Inject CallSessions sessions;
  @Inject CallEndings endings;

  /**
   * @param ended whether the call has ended (now or before); false for a status that is not final
   *     and for a call this account's tenants do not have
   */
  public record Status(boolean ok, boolean ended) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED))
  @SecurityRequirements // no bearer token: Twilio's signature instead
  @Operation(
      summary = "Twilio's call status callback (no bearer token: X-Twilio-Signature)",
      description =
          "Form-encoded as Twilio sends it (CallSid, AccountSid, CallStatus, ...), signed with the"
              + " account's auth token over uketsuke.public-base-url plus the path and query. A"
              + " missing or wrong signature, or an account this service does not serve, is 403."
              + " CallStatus completed, busy, failed, no-answer or canceled ends the call (its"
              + " summary, call.ended) when it belongs to a tenant the account serves; any other"
              + " call, or status, answers ended=false.")
  public Status status(
      @HeaderParam(TwilioSignatures.HEADER) String signature, @Context UriInfo uri, String body) {
    TwilioSignatures.Signed form = signatures.verify(uri, signature, body);
    String callSid = form.param("CallSid");
    if (callSid == null || callSid.isBlank() || !FINAL.contains(form.param("CallStatus"))) {
      return new Status(true, false);
    }
    if (callSid.length() > 128) {
      throw ApiException.badRequest("CallSid is too long.");
    }
    Optional<String> tenant = sessions.ownerOf(callSid);
    if (tenant.isEmpty() || !accounts.servesTenant(form.accountSid(), tenant.get())) {
      return new Status(true, false); // the same answer as for a call nobody logged
    }
    return new Status(true, endings.endOf(tenant.get(), callSid).isPresent());
  }
}
