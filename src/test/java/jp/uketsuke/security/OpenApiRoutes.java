package jp.uketsuke.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;

/**
 * Every operation the running server documents at {@code /openapi}: the list the tenant matrix and
 * the hostile-input properties walk, so a route added to the code is added to both by itself.
 */
final class OpenApiRoutes {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static List<Route> cached;

  private OpenApiRoutes() {}

  static synchronized List<Route> all() {
    if (cached == null) {
      Reply reply =
          Api.anonymous().header("Accept", "application/json").get("/openapi?format=JSON");
      assertThat(reply.status()).as("GET /openapi: %s", reply.body()).isEqualTo(200);
      cached = parse(reply.json());
      assertThat(cached).as("operations in /openapi").hasSizeGreaterThan(10);
    }
    return cached;
  }

  static List<Route> parse(JsonObject document) {
    List<Route> routes = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    paths.forEach(
        (template, item) -> {
          JsonObject pathItem = item.asJsonObject();
          List<String> shared = queryNames(pathItem.getJsonArray("parameters"));
          pathItem.forEach(
              (method, operation) -> {
                if (!METHODS.contains(method)) {
                  return;
                }
                List<String> query = new ArrayList<>(shared);
                query.addAll(queryNames(operation.asJsonObject().getJsonArray("parameters")));
                routes.add(new Route(method.toUpperCase(Locale.ROOT), template, query));
              });
        });
    routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
    return List.copyOf(routes);
  }

  private static List<String> queryNames(JsonArray parameters) {
    if (parameters == null) {
      return List.of();
    }
    return parameters.stream()
        .map(JsonValue::asJsonObject)
        .filter(p -> "query".equals(p.getString("in", "")))
        .map(p -> p.getString("name"))
        .toList();
  }
}
