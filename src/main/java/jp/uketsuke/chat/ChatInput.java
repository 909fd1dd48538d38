package jp.uketsuke.chat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.BodyFields;

/**
 * A {@code POST /chat} body: {@code phone_number}, {@code user_text}, optional {@code call_sid}
 * (alias {@code callSid}). A missing or mistyped field is a 400 naming it.
 */
record ChatInput(CallerScope caller, String userText) {
  /** Bounds one turn's text far below what a model or an item could hold. */
  static final int MAX_TEXT_CHARS = 20_000;

  static ChatInput parse(JsonValue body) {
    if (!(body instanceof JsonObject json)) {
      throw ApiException.badRequest("The body must be a JSON object.");
    }
    String phone = BodyFields.string(json, "phone_number");
    if (phone == null || phone.isBlank()) {
      throw ApiException.badRequest("phone_number is required.");
    }
    String text = BodyFields.string(json, "user_text");
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("user_text is required.");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw ApiException.badRequest(
          "user_text must have at most " + MAX_TEXT_CHARS + " characters.");
    }
    String callSid = BodyFields.string(json, "call_sid");
    if (callSid == null) {
      callSid = BodyFields.string(json, "callSid");
    }
    return new ChatInput(CallerScope.of(phone, callSid), text);
  }
}
