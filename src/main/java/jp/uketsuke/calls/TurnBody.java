package jp.uketsuke.calls;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jp.uketsuke.platform.ApiException;

/**
 * Reads a turn from a {@code POST|PUT /call} body, field by field, so that a wrong type is a 400
 * naming the field. {@code callSid} is accepted for {@code call_sid}.
 */
final class TurnBody {
  /** Bounds one text well below DynamoDB's 400 KB item limit. */
  static final int MAX_TEXT_CHARS = 100_000;

  private TurnBody() {}

  static Turn parse(JsonValue body, boolean tsRequired) {
    if (!(body instanceof JsonObject json)) {
      throw ApiException.badRequest("The body must be a JSON object.");
    }
    String phone = string(json, "phone_number");
    if (phone == null || phone.isBlank()) {
      throw ApiException.badRequest("phone_number is required.");
    }
    String ts = string(json, "ts");
    if (ts != null && ts.isBlank()) {
      ts = null;
    }
    if (tsRequired && ts == null) {
      throw ApiException.badRequest("ts is required.");
    }
    String callSid = string(json, "call_sid");
    if (callSid == null) {
      callSid = string(json, "callSid");
    }
    return new Turn(
        PhoneNumbers.normalize(phone),
        ts == null ? null : LogTimes.stored(ts, "ts"),
        text(json, "user_text"),
        text(json, "assistant_text"),
        callSid == null || callSid.isBlank() ? null : callSid.strip());
  }

  private static String text(JsonObject json, String field) {
    String value = string(json, field);
    if (value != null && value.length() > MAX_TEXT_CHARS) {
      throw ApiException.badRequest(
          field + " must have at most " + MAX_TEXT_CHARS + " characters.");
    }
    return value;
  }

  private static String string(JsonObject json, String field) {
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
