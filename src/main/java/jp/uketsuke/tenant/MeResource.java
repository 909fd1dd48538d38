package jp.uketsuke.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /me}: who the API takes the caller to be. */
@ApplicationScoped
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
  @Inject TenantContext tenant;

  /** The caller as the API sees it. */
  public record Me(
      boolean ok,
      String tenantId,
      String subject,
      String tokenKind,
      String clientId,
      List<String> roles) {}

  @GET
  @Operation(summary = "The caller's tenant, subject, roles and kind of token")
  public Me me() {
    Caller caller = tenant.caller();
    return new Me(
        true,
        caller.tenantId(),
        caller.subject(),
        caller.kind().name().toLowerCase(java.util.Locale.ROOT),
        caller.clientId(),
        caller.roles().stream().sorted().toList());
  }
}
