package jp.uketsuke.chat;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.llm.ToolDefinition;
import jp.uketsuke.platform.Sha256;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /session-config}: what the voice server's Realtime session starts with — the compiled
 * instructions, the tools in Realtime's flat format ({@code {type, name, description, parameters}})
 * and a version stamp that changes whenever any of it does.
 */
@ApplicationScoped
@Path("/session-config")
@Produces(MediaType.APPLICATION_JSON)
public class SessionConfigResource {
  @Inject TenantContext tenant;
  @Inject Grounding grounding;

  @GET
  @Operation(
      summary = "Instructions, Realtime tools and a version stamp for a call that starts",
      description =
          "The instructions are the tenant's system prompt, its func-config instructions and its"
              + " FAQ knowledge. A call has no words yet when it starts, so the FAQ knowledge is the"
              + " tenant's k most used entries (uketsuke.chat.faq-top-k, default 8), most used"
              + " first, ties in question order; use counts are those read when this server last"
              + " loaded the tenant's FAQ, which it does again after every FAQ change. A tenant with"
              + " k or fewer entries gets all of them. The tools are func-config's and one per"
              + " ext-tool, in OpenAI Realtime's flat format.")
  public JsonObject sessionConfig(
      @QueryParam("phone") String phone, @QueryParam("call_sid") String callSid) {
    tenant.caller();
    Briefing briefing = grounding.forSessionStart();
    JsonArrayBuilder tools = JSON.createArrayBuilder();
    for (ToolDefinition tool : briefing.tools().definitions()) {
      tools.add(flat(tool));
    }
    JsonObject config =
        JSON.createObjectBuilder()
            .add("instructions", briefing.instructions())
            .add("tools", tools)
            .build();
    return JSON.createObjectBuilder(config)
        .add("ok", true)
        .add("version", stamp(config.toString()))
        .build();
  }

  private static JsonObject flat(ToolDefinition tool) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("type", "function").add("name", tool.function().name());
    if (tool.function().description() != null) {
      json.add("description", tool.function().description());
    }
    return json.add("parameters", tool.function().parameters()).build();
  }

  /** A digest of everything the session gets: equal stamps, equal sessions. */
  private static String stamp(String content) {
    return Sha256.hex(content, 12);
  }
}
