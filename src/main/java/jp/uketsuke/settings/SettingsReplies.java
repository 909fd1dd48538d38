package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jp.uketsuke.platform.ApiException;

/**
 * Bodies in and out of the settings routes. They are read and written with JSON-P rather than
 * JSON-B, so numbers inside configs keep their exact text both ways.
 */
final class SettingsReplies {
  private SettingsReplies() {}

  /** The {@code config} of a PUT body. */
  static JsonValue config(String body) {
    JsonValue json = ExactJson.parse(body == null ? "" : body);
    if (!(json instanceof JsonObject object) || !object.containsKey("config")) {
      throw ApiException.badRequest("The body must be a JSON object with a config object.");
    }
    return object.get("config");
  }

  static JsonObject ok() {
    return JSON.createObjectBuilder().add("ok", true).build();
  }

  static JsonObject config(JsonValue config) {
    return JSON.createObjectBuilder().add("ok", true).add("config", config).build();
  }

  static JsonObject versions(AssistantSettings.Versions versions) {
    var items = JSON.createArrayBuilder();
    for (SettingsVersion version : versions.items()) {
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("version", version.version())
              .add("created_at", orNull(version.createdAt()))
              .add("created_by", orNull(version.createdBy()))
              .add("created_by_email", orNull(version.createdByEmail()));
      if (version.restoredFrom() != null) {
        item.add("restored_from", version.restoredFrom());
      }
      items.add(item.add("content", version.content()));
    }
    JsonObjectBuilder reply = JSON.createObjectBuilder().add("ok", true).add("items", items);
    if (versions.nextToken() != null) {
      reply.add("next_token", versions.nextToken());
    }
    return reply.build();
  }

  private static JsonValue orNull(String text) {
    return text == null ? JsonValue.NULL : JSON.createValue(text);
  }
}
