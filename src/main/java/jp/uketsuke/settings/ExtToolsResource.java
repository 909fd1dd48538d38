package jp.uketsuke.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.tenant.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /ext-tools}: HTTP calls the tenant lets the assistant make; header values are secrets. */
@ApplicationScoped
@Path("/ext-tools")
@Produces(MediaType.APPLICATION_JSON)
public class ExtToolsResource {
  @Inject AssistantSettings settings;
  @Inject Permissions permissions;

  @GET
  @Operation(summary = "The tenant's ext-tools, header values masked")
  public JsonObject get() {
    return SettingsReplies.config(settings.shown(Setting.EXT_TOOLS));
  }

  /**
   * @param body the raw text, not a record: numbers in a tool's schema must be stored exactly as
   *     sent
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the ext-tools; masked header values keep their stored values")
  public JsonObject put(String body) {
    permissions.requireOwnerWrite();
    settings.saveExtTools(SettingsReplies.config(body));
    return SettingsReplies.ok();
  }

  @Path("versions")
  public SettingsVersions versions() {
    return new SettingsVersions(settings, permissions, Setting.EXT_TOOLS);
  }
}
