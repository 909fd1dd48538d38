package jp.uketsuke.calls;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jp.uketsuke.tenant.TenantContext;

/** After the token was verified: the request's tenant is one whose calls the idle sweep follows. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CallTenantsFilter implements ContainerRequestFilter {
  @Inject TenantContext tenant;
  @Inject CallTenants tenants;

  @Override
  public void filter(ContainerRequestContext request) {
    tenant.knownTenantId().ifPresent(tenants::seen);
  }
}
