package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /calls}: the tenant's turns, paged with an opaque {@code next_token}; {@code GET
 * /calls/export}: all of them (or a range) as a download.
 */
@ApplicationScoped
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  @Inject TenantContext tenant;
  @Inject CallHistory history;
  @Inject CallExport export;
  @Inject Permissions permissions;

  /** A page of turns; {@code next_token} is null on the last page. */
  @JsonbNillable
  public record Listing(boolean ok, List<Turn> items, String nextToken) {}

  @GET
  @Operation(summary = "Turns of all callers or of one phone, in time order, paged with next_token")
  public Listing list(
      @QueryParam("phone") String phone,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("order") String order,
      @QueryParam("next_token") String nextToken) {
    CallQuery query = new CallQuery(phoneOrNull(phone), TimeRange.of(from, to), ascending(order));
    int size = QueryParams.intInRange(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    CallHistory.Page page = history.page(tenant.tenantId(), query, size, nextToken);
    return new Listing(true, page.items(), page.nextToken());
  }

  @GET
  @Path("/export")
  @Produces({"text/csv", "application/x-ndjson", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Export turns as CSV or JSON lines (streamed, oldest first)",
      description = "format=csv (default) or jsonl; from, to and phone filter as in GET /calls.")
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("phone") String phone,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    permissions.requirePerson();
    CallExport.Format kind = exportFormat(format);
    CallQuery query = new CallQuery(phoneOrNull(phone), TimeRange.of(from, to), true);
    String extension = kind == CallExport.Format.CSV ? "csv" : "jsonl";
    return Response.ok(export.stream(tenant.tenantId(), query, kind))
        .type(
            kind == CallExport.Format.CSV
                ? "text/csv; charset=UTF-8"
                : "application/x-ndjson; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"calls." + extension + "\"")
        .build();
  }

  private static CallExport.Format exportFormat(String format) {
    if (format == null || format.isBlank()) {
      return CallExport.Format.CSV;
    }
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> CallExport.Format.CSV;
      case "jsonl", "ndjson" -> CallExport.Format.JSONL;
      default -> throw ApiException.badRequest("format must be csv or jsonl.");
    };
  }

  static String phoneOrNull(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    // An unencoded '+' of +81... arrives as a space.
    return PhoneNumbers.normalize(phone.startsWith(" ") ? "+" + phone.substring(1) : phone);
  }

  /** Newest first unless asked otherwise, as the console shows a log. */
  static boolean ascending(String order) {
    if (order == null || order.isBlank()) {
      return false;
    }
    return switch (order.strip().toLowerCase(Locale.ROOT)) {
      case "asc" -> true;
      case "desc" -> false;
      default -> throw ApiException.badRequest("order must be asc or desc.");
    };
  }
}
