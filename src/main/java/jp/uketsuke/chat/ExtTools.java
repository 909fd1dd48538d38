package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** Calls a tenant's ext-tool over HTTP. */
@ApplicationScoped
public class ExtTools {
  public JsonObject call(JsonObject definition, JsonObject arguments) {
    return ToolResults.error("Ext-tools cannot be called yet.");
  }
}
