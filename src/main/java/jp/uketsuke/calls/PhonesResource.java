package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
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
@ApplicationScoped
@Path("/phones")
@Produces(MediaType.APPLICATION_JSON)
public class PhonesResource {
  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject DirectoryCatchUp catchUp;
  @Inject PhoneDirectoryRebuild rebuild;
  @Inject AuditLog audit;

  /**
   * The callers: {@code items} as the old console reads them ({@code phones || items}, each
   * rendered as a string, so no field named {@code phones} may ever hold anything else), and {@code
   * directory} with each one's last activity, so a client needs no request per phone.
   */
  public record Phones(boolean ok, List<String> items, List<PhoneEntry> directory) {}

  /** The outcome of a rebuild. */
  public record Rebuilt(boolean ok, int phones, int removed) {}

  @GET
  @Operation(
      summary = "The tenant's phone numbers, newest activity first",
      description =
          "items: the phone numbers (strings, as the old console reads them); directory: the same"
              + " callers with last_ts, turns and last_call_sid. Turns that any writer put into"
              + " the call log appear within seconds (uketsuke.phones.settle after their time).")
  public Phones list() {
    List<PhoneEntry> entries = PhoneEntry.newestFirst(catchUp.current(tenant.tenantId()));
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
