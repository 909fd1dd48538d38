package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /faqs/search}: the FAQs the assistant would consult for a text, read-only. Owners use
 * it to see why the assistant answers as it does and to tune their questions; the voice server may
 * use it too.
 */
@ApplicationScoped
@Path("/faqs/search")
@Produces(MediaType.APPLICATION_JSON)
public class FaqSearchResource {
  static final int MAX_QUERY_CHARS = 2000;

  @Inject TenantContext tenant;
  @Inject FaqRetriever retriever;

  /** One ranked FAQ: BM25 score (this search only) and confidence in [0, 1]. */
  public record Hit(String question, String answer, double score, double confidence) {}

  /** The ranked FAQs, best first. */
  public record Hits(boolean ok, List<Hit> items) {}

  @GET
  @Operation(
      summary =
          "The k (1-50, default 8) FAQs that fit the text q best, with score and confidence;"
              + " a FAQ of k or fewer entries comes back whole")
  public Hits search(@QueryParam("q") String q, @QueryParam("k") String k) {
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("q must be a non-blank text.");
    }
    if (q.length() > MAX_QUERY_CHARS) {
      throw ApiException.badRequest("q must be at most " + MAX_QUERY_CHARS + " characters.");
    }
    int size = QueryParams.intInRange(k, "k", 1, 50, 8);
    List<Hit> hits =
        retriever.topK(tenant.tenantId(), q, size).stream()
            .map(m -> new Hit(m.faq().question(), m.faq().answer(), m.score(), m.confidence()))
            .toList();
    return new Hits(true, hits);
  }
}
