package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /faqs/usage}: how often the assistant used each FAQ, for the owner. */
@ApplicationScoped
@Path("/faqs/usage")
@Produces(MediaType.APPLICATION_JSON)
public class FaqUsageResource {
  @Inject TenantContext tenant;
  @Inject FaqUsage usage;
  @Inject Permissions permissions;

  /** Every FAQ question with its use count, most used first. */
  public record Usage(boolean ok, List<FaqUsage.Count> items) {}

  @GET
  @Operation(summary = "Every FAQ question with its use_count, most used first (people only)")
  public Usage usage() {
    permissions.requirePerson();
    return new Usage(true, usage.counts(tenant.tenantId()));
  }
}
