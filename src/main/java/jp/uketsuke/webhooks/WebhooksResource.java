package jp.uketsuke.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.platform.Bodies;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code /webhooks}: the tenant's webhooks, for its people (admins where an admin group is set).
 */
@ApplicationScoped
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {
  @Inject WebhookRegistry registry;
  @Inject Permissions permissions;
  @Inject Bodies bodies;

  /** A new webhook: the only answer that shows its secret. */
  public record Created(boolean ok, CreatedItem item) {}

  public record CreatedItem(
      String id,
      String url,
      List<String> events,
      String description,
      String createdAt,
      String secret) {}

  public record Items(boolean ok, List<Webhook> items) {}

  public record Done(boolean ok) {}

  public record Secret(boolean ok, String secret) {}

  public record Sent(boolean ok, String eventId) {}

  public record Deliveries(boolean ok, List<Delivery> items, String nextToken) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a webhook {url, events, description?}; its secret is shown only here",
      description =
          "events: task.created, task.updated, task.cancelled, call.ended. The URL follows the"
              + " ext-tool address rule (https, no internal addresses; checked again when sent)."
              + " Deliveries are signed: see docs/webhooks.md.")
  public Created create(
      @RequestBody(content = @Content(schema = @Schema(implementation = WebhookInput.class)))
          JsonValue body) {
    permissions.requirePerson();
    WebhookRegistry.Created created = registry.create(bodies.valid(WebhookInput.of(body)));
    Webhook hook = created.hook();
    return new Created(
        true,
        new CreatedItem(
            hook.id(),
            hook.url(),
            hook.events(),
            hook.description(),
            hook.createdAt(),
            created.secret()));
  }

  @GET
  @Operation(summary = "The tenant's webhooks, without their secrets")
  public Items list() {
    permissions.requirePerson();
    return new Items(true, registry.list());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a webhook; 404 when missing. Pending deliveries become failed.")
  public Done delete(@PathParam("id") String id) {
    permissions.requirePerson();
    registry.delete(id);
    return new Done(true);
  }

  @POST
  @Path("{id}/rotate-secret")
  @Operation(summary = "A new signing secret; the old one keeps signing beside it for 24 h")
  public Secret rotate(@PathParam("id") String id) {
    permissions.requirePerson();
    return new Secret(true, registry.rotate(id));
  }

  @POST
  @Path("{id}/test")
  @Operation(summary = "Send a webhook.test event to this webhook now; its event id")
  public Sent test(@PathParam("id") String id) {
    permissions.requirePerson();
    return new Sent(true, registry.test(id));
  }

  @GET
  @Path("{id}/deliveries")
  @Operation(
      summary = "The webhook's deliveries, newest first (status delivered, retrying or failed)")
  public Deliveries deliveries(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("next_token") String nextToken) {
    permissions.requirePerson();
    WebhookRegistry.Deliveries page =
        registry.deliveries(id, QueryParams.intInRange(limit, "limit", 1, 100, 20), nextToken);
    return new Deliveries(true, page.items(), page.nextToken());
  }
}
