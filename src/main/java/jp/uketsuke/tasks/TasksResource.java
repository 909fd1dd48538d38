package jp.uketsuke.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.platform.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /tasks}: every task for old clients, pages for new ones. */
@ApplicationScoped
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {
  static final int MAX_LIMIT = 1000;
  static final int DEFAULT_LIMIT = 100;

  @Inject TaskBook book;
  @Inject TaskTimes times;

  /** Tasks; {@code next_token} only when paging was asked for and more remain. */
  public record Listing(boolean ok, List<Task> items, String nextToken) {}

  @GET
  @Operation(
      summary =
          "The tenant's tasks: all of them, or a page with limit/next_token; filters phone,"
              + " status, from/to on start_at; sort by name or start_at",
      description =
          "Each item keeps start_datetime as it was written (by the console, the assistant or the"
              + " voice server writing the table directly) and adds start_at, what that text"
              + " says as ISO 8601 with the tenant's offset (a day's 00:00 when it names no time),"
              + " when it names a day; a year left out is the next on or after the task's"
              + " created_at.")
  public Listing list(
      @Parameter(description = "only tasks of this phone number, in any form (compared normalised)")
          @QueryParam("phone")
          String phone,
      @Parameter(description = "requested, confirmed, done or cancelled") @QueryParam("status")
          String status,
      @Parameter(
              description =
                  "earliest start_at, inclusive: 2026-12-24, 2026-12-24 19:00, ISO 8601 with"
                      + " offset, or 12月24日 (the next one); a task with a date only counts as"
                      + " its whole day; tasks without start_at are left out")
          @QueryParam("from")
          String from,
      @Parameter(description = "latest start_at, inclusive; a date includes its whole day")
          @QueryParam("to")
          String to,
      @Parameter(
              description =
                  "name (default; DynamoDB's order) or start_at (tasks without one last, by name)")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "asc (default) or desc") @QueryParam("order") String order,
      @Parameter(description = "page size 1..1000; without it and next_token, all tasks")
          @QueryParam("limit")
          String limit,
      @Parameter(description = "the next_token of the previous page, as received")
          @QueryParam("next_token")
          String nextToken) {
    TaskFilter filter =
        TaskFilter.of(phone, status, from, to, sort, order, times.zone(), times.today());
    if (limit == null && nextToken == null) {
      return new Listing(true, book.listAll(filter), null);
    }
    int size = QueryParams.intInRange(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    TaskBook.Page page = book.list(filter, size, nextToken);
    return new Listing(true, page.items(), page.nextToken());
  }
}
