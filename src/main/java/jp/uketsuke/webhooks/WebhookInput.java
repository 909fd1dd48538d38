package jp.uketsuke.webhooks;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.BodyFields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /webhooks}, checked with Bean Validation ({@code Bodies}). It is read
 * field by field from the JSON ({@link #of}), not bound by JSON-B, which would take {@code {"url":
 * 5}} for the text "5" where the route refuses it naming the field.
 */
record WebhookInput(
    @Schema(
            required = true,
            maxLength = WebhookInput.MAX_URL,
            description =
                "https, under the ext-tool address rule (no internal address); checked again"
                    + " when a delivery is sent")
        @NotBlank(message = "url is required.")
        @Size(
            max = WebhookInput.MAX_URL,
            message = "url must have at most " + WebhookInput.MAX_URL + " characters.")
        @WebhookUrl
        String url,
    @Schema(
            required = true,
            description =
                "A non-empty subset of task.created, task.updated, task.cancelled, call.ended")
        @Subscribable
        List<String> events,
    @Schema(maxLength = WebhookInput.MAX_DESCRIPTION)
        @Size(
            max = WebhookInput.MAX_DESCRIPTION,
            message =
                "description must have at most " + WebhookInput.MAX_DESCRIPTION + " characters.")
        String description) {
  static final int MAX_URL = 2048;
  static final int MAX_DESCRIPTION = 500;

  /**
   * The body's fields, texts stripped and a blank description left out; a text field of another
   * type is a 400 naming it. Events that are not text are read as null, which {@link Subscribable}
   * refuses; repeated events count once.
   */
  static WebhookInput of(JsonValue body) {
    if (!(body instanceof JsonObject json)) {
      throw ApiException.badRequest("The body must be a JSON object {url, events, description?}.");
    }
    String url = BodyFields.string(json, "url");
    String description = BodyFields.string(json, "description");
    return new WebhookInput(
        url == null ? null : url.strip(),
        events(json.get("events")),
        description == null || description.isBlank() ? null : description.strip());
  }

  private static List<String> events(JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      return null;
    }
    Set<String> events = new LinkedHashSet<>();
    for (JsonValue event : array) {
      events.add(event instanceof JsonString name ? name.getString() : null);
    }
    return new ArrayList<>(events);
  }
}
