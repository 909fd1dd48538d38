package jp.uketsuke.tenant;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs before every resource method: takes the token Liberty verified, applies {@link TokenRules}
 * and puts the caller into the request's {@link TenantContext}. A request without a valid token
 * never reaches a resource, except one marked {@link OwnAuthentication}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TenantFilter implements ContainerRequestFilter {
  public static final String TENANT_HEADER = "x-client-id";

  @Inject TokenRules rules;
  @Inject TenantContext tenant;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Class<?> route = resource.getResourceClass();
    if (route != null && route.isAnnotationPresent(OwnAuthentication.class)) {
      return;
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    JsonWebToken token = principal instanceof JsonWebToken jwt ? jwt : null;
    tenant.establish(rules.callerOf(token, request.getHeaderString(TENANT_HEADER)));
  }
}
