package jp.uketsuke.platform;

import jakarta.ws.rs.core.HttpHeaders;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the rate limits' 429 on every operation {@link RateLimitFilter} can refuse, decided by
 * the filter's own rule ({@link RateLimits.Kind#of}), so the document cannot drift from the code.
 * {@link ApiDocumentFilter} applies it when the plugin writes {@code META-INF/openapi.yaml} at
 * build time (see pom.xml); the server only serves that file.
 */
public class RateLimitResponses implements OASFilter {
  static final String STATUS = "429";
  static final String RESPONSE = "TooManyRequests";
  static final String PROBLEM = "Problem";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    ApiDocumentFilter.forEachOperation(
        openApi,
        (method, path, operation) -> {
          if (RateLimits.Kind.of(method, path) != null) {
            documentLimit(operation);
          }
        });
    Components components = openApi.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openApi.setComponents(components);
    }
    components.addSchema(PROBLEM, problemSchema());
    components.addResponse(RESPONSE, tooManyRequests());
  }

  private static void documentLimit(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    operation.getResponses().addAPIResponse(STATUS, OASFactory.createAPIResponse().ref(RESPONSE));
  }

  private static APIResponse tooManyRequests() {
    return OASFactory.createAPIResponse()
        .description(
            "Over the tenant's rate limit (chat turns, changes, or transcriptions that call the"
                + " paid speech-to-text API); nothing was done. Try again after Retry-After"
                + " seconds.")
        .addHeader(
            HttpHeaders.RETRY_AFTER,
            OASFactory.createHeader()
                .description("Whole seconds until the tenant's next request may pass")
                .required(true)
                .schema(OASFactory.createSchema().type(SchemaType.INTEGER).minimum(BigDecimal.ONE)))
        .content(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
  }

  /** {@link Problem} as JSON-B writes it, in its order (single-word names: snake_case alike). */
  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(SchemaType.OBJECT)
        .description("RFC 9457 problem document; ok and error (= detail) for the old clients")
        .addProperty("ok", typed(SchemaType.BOOLEAN))
        .addProperty("error", typed(SchemaType.STRING))
        .addProperty("type", typed(SchemaType.STRING))
        .addProperty("title", typed(SchemaType.STRING))
        .addProperty("status", typed(SchemaType.INTEGER))
        .addProperty("detail", typed(SchemaType.STRING))
        .addProperty("instance", typed(SchemaType.STRING));
  }

  private static Schema typed(SchemaType type) {
    return OASFactory.createSchema().type(type);
  }
}
