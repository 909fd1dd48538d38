package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /faqs/gaps}: what callers asked in the last {@code days} that the FAQ could not
 * answer, grouped by similarity, most frequent first: the owner's to-do list (people only, as it
 * shows what callers said).
 */
@ApplicationScoped
@Path("/faqs/gaps")
@Produces(MediaType.APPLICATION_JSON)
public class FaqGapsResource {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 90;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  @Inject TenantContext tenant;
  @Inject Permissions permissions;
  @Inject FaqGaps gaps;

  /**
   * One group of unanswered questions.
   *
   * @param question its most frequent wording
   * @param count how many times callers asked it in the window
   * @param examples up to 5 distinct wordings, most frequent first
   * @param lastTs when it was last asked
   */
  public record Gap(String question, int count, List<String> examples, String lastTs) {}

  /**
   * A page of groups; {@code next_token} is null on the last page.
   *
   * @param partial true when a bound of the work ({@code uketsuke.faq.gaps-max-read} items read,
   *     {@code uketsuke.faq.gaps-max-ranked} wordings ranked) left caller words of the window out:
   *     the list is that of the newest part of the window
   */
  @JsonbNillable
  public record Gaps(
      boolean ok,
      List<Gap> items,
      String nextToken,
      @Schema(
              description =
                  "true when a bound of the work (uketsuke.faq.gaps-max-read items read,"
                      + " uketsuke.faq.gaps-max-ranked wordings ranked) left caller words of the"
                      + " window out; the list is that of its newest part")
          boolean partial) {}

  @GET
  @Operation(
      summary =
          "What callers asked in the last `days` (1-90, default 30) that no FAQ answers, grouped by"
              + " similarity, most frequent first; paged with limit (1-100, default 20) and"
              + " next_token (people only). `partial` is true when the bounds of the work (items"
              + " read, wordings ranked) left caller words of the window out. A first page may"
              + " reuse groups computed up to uketsuke.faq.gaps-reuse (1 min) earlier; after"
              + " that, up to uketsuke.faq.gaps-refresh-within (15 min), it gets them at once"
              + " while newer ones are computed for the next look. A change of the FAQ is"
              + " reflected at once, and so are a deleted call and an erased caller on the"
              + " server that deleted them (on others within 15 min)")
  public Gaps list(
      @QueryParam("days") String days,
      @QueryParam("limit") String limit,
      @QueryParam("next_token") String nextToken) {
    permissions.requirePerson();
    int window = QueryParams.intInRange(days, "days", 1, MAX_DAYS, DEFAULT_DAYS);
    int size = QueryParams.intInRange(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    FaqGaps.Page page = gaps.page(tenant.tenantId(), window, size, nextToken);
    List<Gap> items =
        page.groups().stream()
            .map(g -> new Gap(g.question(), g.count(), g.examples(), g.lastTs()))
            .toList();
    return new Gaps(true, items, page.nextToken(), page.partial());
  }
}
