package jp.uketsuke.webhooks;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.uketsuke.exttools.ExtToolUrls;
import jp.uketsuke.exttools.OutboundPost;
import jp.uketsuke.platform.ApiException;

/**
 * The body of {@code POST /webhooks}: {@code {url, events, description?}}, checked. The URL must
 * pass the ext-tool address rule; the events are a non-empty subset of the subscribable ones.
 */
record WebhookInput(String url, List<String> events, String description) {
  static final int MAX_URL = 2048;
  static final int MAX_DESCRIPTION = 500;

  static WebhookInput of(JsonValue body, OutboundPost addressRule) {
    if (!(body instanceof JsonObject json)) {
      throw ApiException.badRequest("The body must be a JSON object {url, events, description?}.");
    }
    String url = text(json, "url", MAX_URL, true);
    try {
      addressRule.checkSaved(url);
    } catch (ExtToolUrls.Refused e) {
      throw ApiException.badRequest("url " + e.getMessage() + ".");
    }
    return new WebhookInput(
        url, events(json.get("events")), text(json, "description", MAX_DESCRIPTION, false));
  }

  private static List<String> events(JsonValue value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw ApiException.badRequest(
          "events must be a non-empty array of " + new TreeSet<>(WebhookEvent.SUBSCRIBABLE) + ".");
    }
    Set<String> events = new LinkedHashSet<>();
    for (JsonValue event : array) {
      if (!(event instanceof JsonString name)
          || !WebhookEvent.SUBSCRIBABLE.contains(name.getString())) {
        throw ApiException.badRequest(
            "events may only hold " + new TreeSet<>(WebhookEvent.SUBSCRIBABLE) + ".");
      }
      events.add(name.getString());
    }
    return new ArrayList<>(events);
  }

  private static String text(JsonObject json, String field, int max, boolean required) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        throw ApiException.badRequest(field + " is required.");
      }
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw ApiException.badRequest(field + " must be a string.");
    }
    String text = string.getString().strip();
    if (required && text.isEmpty()) {
      throw ApiException.badRequest(field + " is required.");
    }
    if (text.length() > max) {
      throw ApiException.badRequest(field + " must have at most " + max + " characters.");
    }
    return text.isEmpty() ? null : text;
  }
}
