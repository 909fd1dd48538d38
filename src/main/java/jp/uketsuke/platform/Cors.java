package jp.uketsuke.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS for the admin console, which runs on its own origin. Only configured origins are answered,
 * and each by name: never {@code *}, since every request carries a bearer token.
 */
@Provider
@PreMatching
@Priority(3)
public class Cors implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String ORIGIN = "Origin";

  @Inject
  @ConfigProperty(name = "uketsuke.cors.origins")
  Optional<List<String>> origins;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean preflight =
        HttpMethod.OPTIONS.equals(request.getMethod())
            && request.getHeaderString("Access-Control-Request-Method") != null;
    if (preflight) {
      request.abortWith(Response.noContent().build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString(ORIGIN);
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.add("Vary", ORIGIN);
    if (origin == null || !allowed(origin)) {
      return;
    }
    headers.putSingle("Access-Control-Allow-Origin", origin);
    headers.putSingle("Access-Control-Expose-Headers", RequestId.HEADER);
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
      headers.putSingle(
          "Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id, x-client-id");
      headers.putSingle("Access-Control-Max-Age", "600");
    }
  }

  private boolean allowed(String origin) {
    return origins.map(list -> list.stream().anyMatch(o -> o.trim().equals(origin))).orElse(false);
  }
}
