package jp.uketsuke.platform.idempotency;

import jp.uketsuke.platform.ApiDocumentFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents {@code Idempotency-Key} on exactly the operations {@link IdempotencyFilter} honours
 * (every write), with its 422 and 409; applied at build time by {@link ApiDocumentFilter}.
 */
public final class IdempotencyDocs {
  private IdempotencyDocs() {}

  public static void document(OpenAPI openApi) {
    ApiDocumentFilter.forEachOperation(
        openApi,
        (method, path, operation) -> {
          if (IdempotencyFilter.WRITES.contains(method)) {
            document(operation);
          }
        });
  }

  private static void document(Operation operation) {
    operation.addParameter(
        OASFactory.createParameter()
            .name(IdempotencyFilter.HEADER)
            .in(Parameter.In.HEADER)
            .required(false)
            .description(
                "Any string of 1 to 255 characters. The same key with the same request from the"
                    + " same tenant within 24 h answers the first outcome (header"
                    + " Idempotent-Replayed: true) without doing the work again; a 5xx is not"
                    + " kept, so the retry completes the work. See docs/voice-server.md.")
            .schema(OASFactory.createSchema().type(SchemaType.STRING).maxLength(255)));
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    operation
        .getResponses()
        .addAPIResponse("422", problem("The Idempotency-Key was used with another request."));
    String busy =
        "With an Idempotency-Key: the first request with that key is still running; retry after"
            + " Retry-After seconds.";
    APIResponse conflict = operation.getResponses().getAPIResponse("409");
    if (conflict == null) {
      operation.getResponses().addAPIResponse("409", problem(busy));
    } else {
      conflict.description(conflict.getDescription() + " " + busy);
    }
  }

  private static APIResponse problem(String description) {
    return OASFactory.createAPIResponse().description(description);
  }
}
