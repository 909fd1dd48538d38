package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How each setting's {@code content} is stored and shown: the prompt as a string, configs as maps.
 * Old items may hold a config as a JSON string; it is read the same way.
 */
final class SettingsContent {
  private static final Logger LOG = Logger.getLogger(SettingsContent.class.getName());

  private SettingsContent() {}

  static JsonValue defaultValue(Setting setting) {
    return switch (setting) {
      case PROMPT -> JSON.createValue("");
      case FUNC_CONFIG ->
          JSON.createObjectBuilder()
              .add("tools", JSON.createArrayBuilder())
              .add("instructions", "")
              .build();
      case EXT_TOOLS ->
          JSON.createObjectBuilder().add("ext_tools", JSON.createArrayBuilder()).build();
    };
  }

  static JsonValue read(Setting setting, AttributeValue stored) {
    if (stored == null) {
      return defaultValue(setting);
    }
    if (setting == Setting.PROMPT) {
      return JSON.createValue(stored.s() == null ? "" : stored.s());
    }
    if (stored.s() == null) {
      return JsonAttributes.toJson(stored);
    }
    try {
      return ExactJson.parse(stored.s());
    } catch (JsonParsingException e) {
      LOG.warning(setting.id() + " holds text that is not JSON; showing the default instead");
      return defaultValue(setting);
    }
  }

  static AttributeValue write(Setting setting, JsonValue content) {
    return setting == Setting.PROMPT
        ? AttributeValue.fromS(((jakarta.json.JsonString) content).getString())
        : JsonAttributes.toAttribute(content);
  }

  /** What GET and the version list show: ext-tools with their header values masked. */
  static JsonValue shown(Setting setting, JsonValue content) {
    return setting == Setting.EXT_TOOLS ? ExtToolSecrets.mask(content) : content;
  }

  /** The audit record's before/after: the prompt's text, a config's JSON (secrets masked). */
  static String summary(Setting setting, JsonValue content) {
    if (content == null) {
      return null;
    }
    JsonValue shown = shown(setting, content);
    return shown instanceof jakarta.json.JsonString text ? text.getString() : shown.toString();
  }
}
