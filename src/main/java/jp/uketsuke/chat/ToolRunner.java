package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.exttools.ExtToolCaller;
import jp.uketsuke.settings.ExactJson;
import jp.uketsuke.settings.ExtToolSpec;

/**
 * Runs a tool the model (or the voice server) asks for: a built-in task tool or one of the tenant's
 * ext-tools. Whatever goes wrong becomes an {@code {ok: false, error}} result the model can read;
 * nothing here throws into the turn.
 */
@ApplicationScoped
public class ToolRunner {
  private static final Logger LOG = Logger.getLogger(ToolRunner.class.getName());

  @Inject TaskTools taskTools;
  @Inject ExtToolCaller extTools;

  /** Runs {@code name} with arguments as the model wrote them (JSON text, possibly malformed). */
  public JsonObject run(String name, String arguments, CallerScope caller, ToolSet tools) {
    JsonObject args;
    try {
      JsonValue parsed =
          arguments == null || arguments.isBlank()
              ? JsonValue.EMPTY_JSON_OBJECT
              : ExactJson.parse(arguments);
      if (!(parsed instanceof JsonObject object)) {
        return ToolResults.error("The arguments must be a JSON object.");
      }
      args = object;
    } catch (JsonParsingException e) {
      return ToolResults.error("The arguments are not valid JSON.");
    }
    return run(name, args, caller, tools);
  }

  public JsonObject run(String name, JsonObject args, CallerScope caller, ToolSet tools) {
    try {
      if (!tools.offers(name)) {
        return ToolResults.error("There is no tool named " + name + ".");
      }
      if (TaskTools.NAMES.contains(name)) {
        return taskTools.run(name, args, caller);
      }
      ExtToolSpec extTool = tools.extTools().get(name);
      if (extTool != null) {
        return extTools.call(extTool.call(), args);
      }
      return ToolResults.error("The tool " + name + " has no implementation.");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tool " + name + " failed", e);
      return ToolResults.error("The tool " + name + " failed.");
    }
  }
}
