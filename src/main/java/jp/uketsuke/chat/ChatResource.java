package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.calls.CallSidClaims;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /chat}: one caller turn, for people of the tenant and the voice server. */
@ApplicationScoped
@Path("/chat")
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {
  @Inject TenantContext tenant;
  @Inject ChatEngine engine;
  @Inject CallSidClaims claims;

  /**
   * @param mode {@code llm} (the model answered), {@code faq} or {@code fallback} (it could not)
   */
  public record Reply(boolean ok, String reply, String mode) {}

  /**
   * @param body JSON read by {@link ChatInput}, not bound by JSON-B, which would take a number for
   *     text; old voice servers send {@code callSid} for {@code call_sid}
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer one caller turn; always 200 with a reply, the turn is stored")
  public Reply chat(JsonValue body) {
    tenant.caller();
    ChatInput input = ChatInput.parse(body);
    if (input.caller().callSid() != null) {
      // Before the model is asked: a call SID of another tenant is refused with nothing spent.
      claims.claim(tenant.tenantId(), input.caller().callSid());
    }
    TurnOutcome outcome = engine.answer(input.caller(), input.userText());
    return new Reply(true, outcome.reply(), outcome.mode());
  }
}
