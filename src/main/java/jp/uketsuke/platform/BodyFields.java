package jp.uketsuke.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Fields of a JSON request body read into its record by hand rather than bound by JSON-B, which
 * would take {@code {"user_text": 5}} for the text "5": a field of another type is refused here,
 * naming it, and what a field may hold is then the record's constraints ({@link Bodies}).
 */
public final class BodyFields {
  private BodyFields() {}

  /**
   * @return the field's text, or null when it is missing or JSON null
   * @throws ApiException 400 naming the field when it holds something other than a string
   */
  public static String string(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw ApiException.badRequest(field + " must be a string.");
  }
}
