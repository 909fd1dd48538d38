package jp.uketsuke.webhooks;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;

/** What a queue message names: one delivery, by its keys (the body stays in DynamoDB). */
record QueuedDelivery(String tenantId, String hookId, String eventId) {
  String toJson() {
    return JSON.createObjectBuilder()
        .add("tenant", tenantId)
        .add("hook", hookId)
        .add("event", eventId)
        .build()
        .toString();
  }

  static QueuedDelivery fromJson(String text) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      JsonObject json = reader.readObject();
      return new QueuedDelivery(
          json.getString("tenant"), json.getString("hook"), json.getString("event"));
    }
  }
}
