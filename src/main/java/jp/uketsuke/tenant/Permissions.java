package jp.uketsuke.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a caller may change within their own tenant. When {@code uketsuke.auth.admin-group} names a
 * Cognito group, only its members change settings and FAQ; without it every user of the tenant may
 * (the old system's behaviour). The voice server reads settings and FAQ and creates or updates
 * tasks, nothing more.
 */
@ApplicationScoped
public class Permissions {
  @Inject TenantContext tenant;

  @Inject
  @ConfigProperty(name = "uketsuke.auth.admin-group")
  Optional<String> adminGroup;

  /** Settings (prompt, func-config, ext-tools) and FAQ. */
  public void requireOwnerWrite() {
    Caller caller = tenant.caller();
    if (caller.isService()) {
      throw ApiException.forbidden("A service token may not change settings or FAQ.");
    }
    requireAdminIfConfigured(caller);
  }

  /** Creating or updating a task: people of the tenant, and the voice server. */
  public void requireTaskWrite() {
    tenant.caller();
  }

  /** Deleting a task: people only. */
  public void requireTaskDelete() {
    if (tenant.caller().isService()) {
      throw ApiException.forbidden("A service token may not delete tasks.");
    }
  }

  /** Routes for people only (audit, exports, erasure). */
  public void requirePerson() {
    Caller caller = tenant.caller();
    if (caller.isService()) {
      throw ApiException.forbidden("This route is for people, not for service tokens.");
    }
    requireAdminIfConfigured(caller);
  }

  private void requireAdminIfConfigured(Caller caller) {
    adminGroup
        .filter(group -> !group.isBlank())
        .filter(group -> !caller.hasRole(group))
        .ifPresent(
            group -> {
              throw ApiException.forbidden("Only members of the group " + group + " may do this.");
            });
  }
}
