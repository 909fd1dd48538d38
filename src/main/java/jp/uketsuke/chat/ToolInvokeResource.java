package jp.uketsuke.chat;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.BodyFields;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /tools/{name}/invoke}: runs a tool the voice server's model asked for, under the
 * rules of the chat loop (the tenant's tools only, task tools for this caller only). A tool that
 * fails answers 200 with {@code result: {ok: false, error}}, as the model should see it.
 */
@ApplicationScoped
@Path("/tools/{name}/invoke")
@Produces(MediaType.APPLICATION_JSON)
public class ToolInvokeResource {
  @Inject TenantContext tenant;
  @Inject Grounding grounding;
  @Inject ToolRunner runner;

  /**
   * @param body JSON, not a record: {@code arguments} is an object or JSON text, as the model wrote
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Run one of the tenant's tools for a caller; 404 for a tool not offered")
  public JsonObject invoke(@PathParam("name") String name, JsonValue body) {
    tenant.caller();
    if (!(body instanceof JsonObject json)) {
      throw ApiException.badRequest("The body must be a JSON object.");
    }
    String phone = BodyFields.string(json, "phone_number");
    if (phone == null || phone.isBlank()) {
      throw ApiException.badRequest("phone_number is required.");
    }
    String callSid = BodyFields.string(json, "call_sid");
    ToolSet tools = grounding.tools();
    if (!tools.offers(name)) {
      throw ApiException.notFound("There is no tool named " + name + ".");
    }
    CallerScope caller = CallerScope.of(phone, callSid);
    JsonValue arguments = json.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT);
    JsonObject result =
        switch (arguments.getValueType()) {
          case OBJECT -> runner.run(name, arguments.asJsonObject(), caller, tools);
          case STRING -> runner.run(name, ((JsonString) arguments).getString(), caller, tools);
          case NULL -> runner.run(name, JsonValue.EMPTY_JSON_OBJECT, caller, tools);
          default -> throw ApiException.badRequest("arguments must be an object or JSON text.");
        };
    return JSON.createObjectBuilder()
        .add("ok", true)
        .add("name", name)
        .add("result", result)
        .build();
  }
}
