package jp.uketsuke.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jp.uketsuke.tenant.TenantContext;

/**
 * Per-tenant rate limits, right after the caller is known: chat turns ({@code POST /chat}) and
 * writes (every other POST, PUT, PATCH, DELETE) each take from the tenant's own bucket; reads are
 * not limited here. A request over the limit gets 429 with {@code Retry-After} in seconds and never
 * reaches a resource. Paid transcriptions are limited by their route, which alone knows whether a
 * request pays (see {@link RateLimits.Kind#TRANSCRIPTIONS}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {
  @Inject TenantContext tenant;
  @Inject RateLimits limits;
  @Inject RequestId requestId;

  @Override
  public void filter(ContainerRequestContext request) {
    RateLimits.Kind kind = RateLimits.Kind.of(request.getMethod(), request.getUriInfo().getPath());
    if (kind == null || !kind.onArrival) {
      return;
    }
    // No tenant: a route that authenticates itself (Twilio's callback), which is not the tenant's.
    String tenantId = tenant.knownTenantId().orElse(null);
    if (tenantId == null) {
      return;
    }
    long retryAfter = limits.take(tenantId, kind);
    if (retryAfter > 0) {
      request.abortWith(new RateLimitExceeded(kind, retryAfter).toResponse(requestId.value()));
    }
  }
}
