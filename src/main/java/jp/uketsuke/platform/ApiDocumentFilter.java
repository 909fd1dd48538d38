package jp.uketsuke.platform;

import jp.uketsuke.platform.idempotency.IdempotencyDocs;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * What the OpenAPI document says of the filters in front of every resource, derived from their own
 * rules so it cannot drift from the code: the rate limits' 429 and the idempotency key. The OpenAPI
 * plugin applies it when it writes {@code META-INF/openapi.yaml} at build time (one filter per
 * build, hence this one).
 */
public class ApiDocumentFilter implements OASFilter {
  private final RateLimitResponses rateLimits = new RateLimitResponses();

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    rateLimits.filterOpenAPI(openApi);
    IdempotencyDocs.document(openApi);
  }

  /** Every operation of the document with its "METHOD /path" key's parts. */
  public static void forEachOperation(OpenAPI openApi, Visitor visitor) {
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> visitor.visit(method.name(), path, operation)));
  }

  /** What {@link #forEachOperation} calls. */
  @FunctionalInterface
  public interface Visitor {
    void visit(String method, String path, Operation operation);
  }
}
