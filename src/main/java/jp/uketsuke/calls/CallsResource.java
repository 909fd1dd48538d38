package jp.uketsuke.calls;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /calls}: the tenant's turns, paged with an opaque {@code next_token}. */
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  @Inject TenantContext tenant;
  @Inject CallHistory history;

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
