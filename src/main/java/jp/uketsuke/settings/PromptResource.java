package jp.uketsuke.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.tenant.Permissions;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /prompt}: the tenant's system prompt, in Markdown. */
@ApplicationScoped
@Path("/prompt")
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {
  @Inject AssistantSettings settings;
  @Inject Permissions permissions;

  /** The prompt as the console shows it; {@code ""} before the owner wrote one. */
  public record Prompt(boolean ok, String id, String content) {}

  /** A write that succeeded. */
  public record Saved(boolean ok) {}

  @GET
  @Operation(summary = "The tenant's system prompt")
  public Prompt get() {
    JsonString content = (JsonString) settings.current(Setting.PROMPT);
    return new Prompt(true, Setting.PROMPT.id(), content.getString());
  }

  /**
   * @param body JSON, not a record: JSON-B would take {@code {"content": 5}} for the text "5"
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the tenant's system prompt; the previous one is kept as a version")
  public Saved put(JsonValue body) {
    JsonValue content = body instanceof JsonObject object ? object.get("content") : null;
    if (!(content instanceof JsonString text) || text.getString().isBlank()) {
      throw ApiException.badRequest("content must be a non-blank string.");
    }
    permissions.requireOwnerWrite();
    settings.savePrompt(text.getString());
    return new Saved(true);
  }

  @Path("versions")
  public SettingsVersions versions() {
    return new SettingsVersions(settings, permissions, Setting.PROMPT);
  }
}
