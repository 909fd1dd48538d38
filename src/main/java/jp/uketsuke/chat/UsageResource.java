package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /usage?from&to}: the tenant's turns and model tokens per UTC day, for people. */
@ApplicationScoped
@Path("/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
  /** Without {@code from}, this many days up to {@code to}. */
  private static final int DEFAULT_DAYS = 30;

  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject UsageMeter meter;

  public record Days(boolean ok, List<UsageDay> items) {}

  @GET
  @Operation(
      summary =
          "Turns, chat model tokens and embedding tokens (FAQ vectors, callers' words) per day"
              + " (UTC), from..to inclusive")
  public Days usage(@QueryParam("from") String from, @QueryParam("to") String to) {
    permissions.requirePerson();
    LocalDate last = date(to, "to", LocalDate.now(ZoneOffset.UTC));
    LocalDate first = date(from, "from", last.minusDays(DEFAULT_DAYS - 1L));
    if (first.isAfter(last)) {
      throw ApiException.badRequest("from must not be after to.");
    }
    return new Days(true, meter.days(tenant.tenantId(), first.toString(), last.toString()));
  }

  private static LocalDate date(String raw, String name, LocalDate defaultValue) {
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      return LocalDate.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date, e.g. 2025-11-26.");
    }
  }
}
