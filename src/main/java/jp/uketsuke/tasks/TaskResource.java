package jp.uketsuke.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.tenant.Permissions;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /task} and {@code /task/{name}}. Names may hold {@code /} (percent-encoded), so the path
 * parameter takes the rest of the path.
 */
@ApplicationScoped
@Path("/task")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
  @Inject TaskBook book;
  @Inject TenantContext tenant;
  @Inject Permissions permissions;

  static final String START_RULES =
      "start_datetime is kept as written (YYYY-MM-DD HH:MM, 2026/12/24, 12月24日(水) 午後7時半,"
          + " 明日 9時, full-width digits...); a new value is refused (400) only when it is not a"
          + " date at all (松の剪定) or an impossible one (2月30日, 25時). Text about a time that"
          + " names no day (来週のどこか, 午前10時) is kept without start_at. start_at is the"
          + " start as ISO 8601 with the tenant's offset; a year left out is the next on or after"
          + " created_at.";

  /** One task. */
  public record One(boolean ok, Task item) {}

  /** A deletion that succeeded. */
  public record Done(boolean ok) {}

  /**
   * @param body read field by field ({@link TaskInput}), not bound by JSON-B: old clients send
   *     aliases ({@code phone}, {@code start_date}, {@code requirement}, {@code callSid})
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a task; 409 if the name exists",
      description = TaskResource.START_RULES)
  public One create(
      @RequestBody(content = @Content(schema = @Schema(implementation = TaskDraft.class)))
          JsonValue body) {
    permissions.requireTaskWrite();
    TaskDraft draft = TaskInput.draft(body);
    return new One(true, book.create(draft, tenant.caller().subject()));
  }

  @GET
  @Path("{name: .+}")
  @Operation(summary = "One task by name; 404 when missing")
  public One get(@PathParam("name") String name) {
    return new One(true, book.get(name));
  }

  /**
   * @param body read field by field ({@link TaskInput}), not bound by JSON-B: a field sent as null
   *     is removed and one left out is kept, which a record cannot tell apart; aliases as in POST
   */
  @PUT
  @Path("{name: .+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change some fields or the status of a task; 404 when missing",
      description =
          "Only the fields sent change; null or \"\" removes one. A field sent back as it is"
              + " stored is no change and is never refused (the console sends every field,"
              + " absent ones as \"\"), so tasks the voice server wrote with text dates or"
              + " unnormalised phones stay editable. "
              + TaskResource.START_RULES)
  public One update(
      @PathParam("name") String name,
      @RequestBody(content = @Content(schema = @Schema(implementation = TaskDraft.class)))
          JsonValue body) {
    permissions.requireTaskWrite();
    return new One(true, book.update(name, TaskInput.changes(name, body)));
  }

  @DELETE
  @Path("{name: .+}")
  @Operation(summary = "Delete a task; 404 when missing")
  public Done delete(@PathParam("name") String name) {
    permissions.requireTaskDelete();
    book.delete(name);
    return new Done(true);
  }
}
