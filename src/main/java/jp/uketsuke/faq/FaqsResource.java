package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /faqs}: the tenant's whole FAQ — listing, bulk import and export. */
@ApplicationScoped
@Path("/faqs")
@Produces(MediaType.APPLICATION_JSON)
public class FaqsResource {
  static final String CSV = "text/csv";

  @Inject TenantContext tenant;
  @Inject FaqStore store;
  @Inject FaqImporter importer;
  @Inject Permissions permissions;

  /** Every entry, as old clients expect. */
  public record Listing(boolean ok, List<FaqItem> items) {}

  /** One page; {@code next_token} is null on the last one. */
  @JsonbNillable
  public record Page(boolean ok, List<FaqItem> items, String nextToken) {}

  /** An entry of the JSON export, the same shape the import reads. */
  public record Entry(String question, String answer) {}

  @GET
  @Operation(
      summary =
          "The tenant's FAQ in question order: all of it, or one page with limit (1-1000)"
              + " and next_token")
  public Response list(
      @QueryParam("limit") String limit, @QueryParam("next_token") String nextToken) {
    String tenantId = tenant.tenantId();
    if (limit == null && nextToken == null) {
      return Response.ok(new Listing(true, store.all(tenantId))).build();
    }
    int size = QueryParams.intInRange(limit, "limit", 1, 1000, 100);
    FaqStore.Page page = store.page(tenantId, size, nextToken);
    return Response.ok(new Page(true, page.items(), page.nextToken())).build();
  }

  @POST
  @Path("import")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Upsert FAQ entries from CSV (text/csv, header question,answer) or a JSON array of"
              + " {question, answer}; dry_run=true only validates")
  public FaqImportReport importFaqs(
      @Context HttpHeaders headers, @QueryParam("dry_run") String dryRun, byte[] body) {
    permissions.requireOwnerWrite();
    boolean onlyValidate = QueryParams.bool(dryRun, "dry_run", false);
    MediaType type = headers.getMediaType();
    List<FaqRow> rows;
    if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      rows = FaqFiles.readJson(body);
    } else if (type != null && isCsv(type)) {
      rows = FaqFiles.readCsv(body);
    } else {
      throw new UnsupportedImportType();
    }
    return importer.run(rows, onlyValidate);
  }

  @GET
  @Path("export")
  @Produces({CSV, MediaType.APPLICATION_JSON})
  @Operation(summary = "The whole FAQ as CSV (format=csv, default) or a JSON array (format=json)")
  public Response export(@QueryParam("format") String format) {
    String kind = format == null || format.isBlank() ? "csv" : format.strip();
    List<FaqItem> items = store.all(tenant.tenantId());
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "csv" -> attachment(csv(items), CSV + "; charset=UTF-8", "faq.csv");
      case "json" ->
          attachment(
              items.stream().map(i -> new Entry(i.question(), i.answer())).toList(),
              MediaType.APPLICATION_JSON + "; charset=UTF-8",
              "faq.json");
      default -> throw ApiException.badRequest("format must be csv or json.");
    };
  }

  private static StreamingOutput csv(List<FaqItem> items) {
    return out -> {
      var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      FaqFiles.writeCsv(items, writer);
      writer.flush();
    };
  }

  private static Response attachment(Object entity, String type, String filename) {
    return Response.ok(entity, type)
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }

  private static boolean isCsv(MediaType type) {
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    return subtype.equals("csv")
        && (type.getType().equals("text") || type.getType().equals("application"));
  }

  /** The import reads CSV and JSON only. */
  static final class UnsupportedImportType extends ApiException {
    UnsupportedImportType() {
      super(
          415,
          "Unsupported Media Type",
          "Send the FAQ as text/csv (header question,answer) or as an application/json array.");
    }
  }
}
