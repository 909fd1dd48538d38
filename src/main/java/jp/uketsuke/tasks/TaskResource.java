package jp.uketsuke.tasks;

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

/**
 * {@code /task} and {@code /task/{name}}. Names may hold {@code /} (percent-encoded), so the path
 * parameter takes the rest of the path.
 */
@Path("/task")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
  @Inject TaskBook book;
  @Inject TenantContext tenant;
  @Inject Permissions permissions;

  /** One task. */
  public record One(boolean ok, Task item) {}

  /** A deletion that succeeded. */
  public record Done(boolean ok) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a task; 409 if the name exists")
  public One create(JsonValue body) {
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

  @PUT
  @Path("{name: .+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change some fields or the status of a task; 404 when missing")
  public One update(@PathParam("name") String name, JsonValue body) {
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
