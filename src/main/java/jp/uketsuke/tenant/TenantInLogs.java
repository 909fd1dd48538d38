package jp.uketsuke.tenant;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import jp.uketsuke.platform.LogFields;

/**
 * Once {@link TenantFilter} knows the tenant, every further log line of the request carries it
 * ({@code ext_tenant} in JSON logs), and the response names it in {@value #HEADER} so that
 * Liberty's access log, which sees only headers, can carry it too. The header tells callers nothing
 * new: it is the tenant their own token acts for.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class TenantInLogs implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String LOG_FIELD = "tenant";
  public static final String HEADER = "X-Tenant-Id";

  @Inject TenantContext tenant;

  @Override
  public void filter(ContainerRequestContext request) {
    tenant.knownTenantId().ifPresent(id -> LogFields.put(LOG_FIELD, id));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    tenant.knownTenantId().ifPresent(id -> response.getHeaders().putSingle(HEADER, id));
  }
}
