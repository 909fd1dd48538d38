package jp.uketsuke.faq;

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
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /faq} and {@code /faq/{question}}: one FAQ entry. The question travels percent-encoded as
 * the rest of the path, so it may itself hold {@code /} (sent as {@code %2F}).
 */
@Path("/faq")
@Produces(MediaType.APPLICATION_JSON)
public class FaqResource {
  @Inject TenantContext tenant;
  @Inject FaqStore store;
  @Inject FaqEditor editor;
  @Inject Permissions permissions;

  /** One entry. */
  public record One(boolean ok, FaqItem item) {}

  /** A deletion that succeeded. */
  public record Done(boolean ok) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a FAQ entry; 409 when the question exists")
  public One create(JsonValue body) {
    permissions.requireOwnerWrite();
    String question = FaqRules.text(body, "question");
    String answer = FaqRules.text(body, "answer");
    FaqRules.questionProblem(question).ifPresent(FaqResource::refuse);
    FaqRules.answerProblem(answer).ifPresent(FaqResource::refuse);
    return new One(true, editor.create(question, answer));
  }

  @GET
  @Path("{question: .+}")
  @Operation(summary = "One FAQ entry by its question (percent-encoded)")
  public One get(@PathParam("question") String question) {
    existingKey(question);
    return new One(true, store.find(tenant.tenantId(), question).orElseThrow(FaqResource::missing));
  }

  @PUT
  @Path("{question: .+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the answer of a FAQ entry; 404 when it does not exist")
  public One update(@PathParam("question") String question, JsonValue body) {
    permissions.requireOwnerWrite();
    String answer = FaqRules.text(body, "answer");
    FaqRules.answerProblem(answer).ifPresent(FaqResource::refuse);
    existingKey(question);
    return new One(true, editor.update(question, answer));
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

  private static void refuse(String problem) {
    throw ApiException.badRequest(problem);
  }
}
