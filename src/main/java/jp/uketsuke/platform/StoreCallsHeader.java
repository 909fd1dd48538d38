package jp.uketsuke.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tests and benchmarks only ({@code uketsuke.debug.store-calls-header=true}): every response says
 * in {@value #HEADER} how many DynamoDB calls its request made, so a test can hold a route to its
 * budget of store calls. Off by default.
 */
@Provider
@PreMatching
@Priority(2)
public class StoreCallsHeader implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String HEADER = "X-Store-Calls";

  @Inject
  @ConfigProperty(name = "uketsuke.debug.store-calls-header", defaultValue = "false")
  boolean enabled;

  @Override
  public void filter(ContainerRequestContext request) {
    if (enabled) {
      StoreCalls.start();
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (enabled) {
      int calls = StoreCalls.stop();
      if (calls >= 0) {
        response.getHeaders().putSingle(HEADER, Integer.toString(calls));
      }
    }
  }
}
