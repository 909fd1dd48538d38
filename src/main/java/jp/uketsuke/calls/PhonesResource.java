package jp.uketsuke.calls;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /phones}: the tenant's callers from the phone directory, newest activity first. */
@Path("/phones")
@Produces(MediaType.APPLICATION_JSON)
public class PhonesResource {
  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject PhoneDirectory directory;
  @Inject PhoneDirectoryRebuild rebuild;
  @Inject AuditLog audit;

  /**
   * The callers: {@code items} as the old clients know them (phone numbers), {@code phones} with
   * each one's last activity, so the console needs no request per phone.
   */
  public record Phones(boolean ok, List<String> items, List<PhoneEntry> phones) {}

  /** The outcome of a rebuild. */
  public record Rebuilt(boolean ok, int phones, int removed) {}

  @GET
  @Operation(summary = "The tenant's phone numbers, newest activity first, with turn counts")
  public Phones list() {
    List<PhoneEntry> entries = directory.list(tenant.tenantId());
    return new Phones(true, entries.stream().map(PhoneEntry::phoneNumber).toList(), entries);
  }

  @POST
  @Path("/rebuild")
  @Operation(
      summary =
          "Recompute the phone directory from the call log (one-off for data written before it;"
              + " idempotent)")
  public Rebuilt rebuild() {
    permissions.requirePerson();
    PhoneDirectoryRebuild.Result result = rebuild.rebuild(tenant.tenantId());
    audit.record(
        "phones.rebuild",
        "phones",
        null,
        result.phones() + " phones, " + result.removed() + " removed");
    return new Rebuilt(true, result.phones(), result.removed());
  }
}
