package jp.uketsuke.tasks;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.platform.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /tasks}: every task for old clients, pages for new ones. */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {
  static final int MAX_LIMIT = 1000;
  static final int DEFAULT_LIMIT = 100;

  @Inject TaskBook book;

  /** Tasks; {@code next_token} only when paging was asked for and more remain. */
  public record Listing(boolean ok, List<Task> items, String nextToken) {}

  @GET
  @Operation(
      summary =
          "The tenant's tasks: all of them, or a page with limit/next_token; filters phone,"
              + " status, from/to on start_datetime")
  public Listing list(
      @QueryParam("phone") String phone,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("next_token") String nextToken) {
    TaskFilter filter = TaskFilter.of(phone, status, from, to);
    if (limit == null && nextToken == null) {
      return new Listing(true, book.listAll(filter), null);
    }
    int size = QueryParams.intInRange(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    TaskBook.Page page = book.list(filter, size, nextToken);
    return new Listing(true, page.items(), page.nextToken());
  }
}
