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

/** {@code /func-config}: the OpenAI function tools and instructions the assistant is offered. */
@ApplicationScoped
@Path("/func-config")
@Produces(MediaType.APPLICATION_JSON)
public class FuncConfigResource {
  @Inject AssistantSettings settings;
  @Inject Permissions permissions;

  @GET
  @Operation(summary = "The tenant's function-calling config")
  public JsonObject get() {
    return SettingsReplies.config(settings.shown(Setting.FUNC_CONFIG));
  }

  /**
   * @param body the raw text, not a record: numbers in a tool's schema must be stored exactly as
   *     sent
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the function-calling config; checked, previous one kept")
  public JsonObject put(String body) {
    permissions.requireOwnerWrite();
    settings.saveFuncConfig(SettingsReplies.config(body));
    return SettingsReplies.ok();
  }

  @Path("versions")
  public SettingsVersions versions() {
    return new SettingsVersions(settings, permissions, Setting.FUNC_CONFIG);
  }
}
