package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code versions} and {@code versions/{n}/restore} below each setting's route: one sub-resource,
 * handed out by {@link PromptResource}, {@link FuncConfigResource} and {@link ExtToolsResource}.
 */
@Produces(MediaType.APPLICATION_JSON)
public class SettingsVersions {
  private final AssistantSettings settings;
  private final Permissions permissions;
  private final Setting setting;

  SettingsVersions(AssistantSettings settings, Permissions permissions, Setting setting) {
    this.settings = settings;
    this.permissions = permissions;
    this.setting = setting;
  }

  @GET
  @Operation(summary = "Kept versions of the setting, newest first, with who saved them and when")
  public JsonObject list(
      @QueryParam("limit") String limit, @QueryParam("next_token") String nextToken) {
    int size = QueryParams.intInRange(limit, "limit", 1, 200, 50);
    return SettingsReplies.versions(settings.versions(setting, size, nextToken));
  }

  @POST
  @Path("{n}/restore")
  @Operation(summary = "Make a kept version current again (saved as a new version)")
  public JsonObject restore(@PathParam("n") String n) {
    permissions.requireOwnerWrite();
    int version = QueryParams.intInRange(n, "version", 1, Integer.MAX_VALUE, 0);
    int saved = settings.restore(setting, version);
    return JSON.createObjectBuilder().add("ok", true).add("version", saved).build();
  }
}
