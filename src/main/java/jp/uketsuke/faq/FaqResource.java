package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Bodies;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /faq} and {@code /faq/{question}}: one FAQ entry. The question travels percent-encoded as
 * the rest of the path, so it may itself hold {@code /} (sent as {@code %2F}).
 */
@ApplicationScoped
@Path("/faq")
@Produces(MediaType.APPLICATION_JSON)
public class FaqResource {
  @Inject TenantContext tenant;
  @Inject FaqStore store;
  @Inject FaqEditor editor;
  @Inject Permissions permissions;
  @Inject Bodies bodies;

  /** One entry. */
  public record One(boolean ok, FaqItem item) {}

  /** A deletion that succeeded. */
  public record Done(boolean ok) {}

  /**
   * @param body read as JSON, not bound to {@link NewFaq} by JSON-B, which would take {@code
   *     {"question": 1}} for the text "1" where the route refuses it, naming the field
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a FAQ entry; 409 when the question exists")
  public One create(
      @RequestBody(content = @Content(schema = @Schema(implementation = NewFaq.class)))
          JsonValue body) {
    permissions.requireOwnerWrite();
    NewFaq faq = bodies.valid(NewFaq.of(body));
    return new One(true, editor.create(faq.question(), faq.answer()));
  }

  @GET
  @Path("{question: .+}")
  @Operation(summary = "One FAQ entry by its question (percent-encoded)")
  public One get(@PathParam("question") String question) {
    existingKey(question);
    return new One(true, store.find(tenant.tenantId(), question).orElseThrow(FaqResource::missing));
  }

  /**
   * @param body read as JSON, not bound by JSON-B, for the reason given at {@link #create}
   */
  @PUT
  @Path("{question: .+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the answer of a FAQ entry; 404 when it does not exist")
  public One update(
      @PathParam("question") String question,
      @RequestBody(content = @Content(schema = @Schema(implementation = FaqAnswer.class)))
          JsonValue body) {
    permissions.requireOwnerWrite();
    FaqAnswer answer = bodies.valid(FaqAnswer.of(body));
    existingKey(question);
    return new One(true, editor.update(question, answer.answer()));
  }

  @DELETE
  @Path("{question: .+}")
  @Operation(summary = "Delete a FAQ entry; 404 when it does not exist")
  public Done delete(@PathParam("question") String question) {
    permissions.requireOwnerWrite();
    existingKey(question);
    editor.delete(question);
    return new Done(true);
  }

  /** A question no entry can have (too long for the key) is simply not found. */
  private static void existingKey(String question) {
    if (!FaqRules.isStorableKey(question)) {
      throw missing();
    }
  }

  private static ApiException missing() {
    return ApiException.notFound("No FAQ with this question.");
  }
}
