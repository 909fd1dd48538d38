package jp.uketsuke.calls;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.BodyFields;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST|PUT /call} (its schema names fields as they travel: the OpenAPI scanner
 * does not know JSON-B's snake_case naming). It is read field by field from the JSON ({@link #of}),
 * not bound by JSON-B: JSON-B would take {@code "user_text": 5} for the text "5" where the route
 * refuses it naming the field, and old voice servers send {@code callSid} for {@code call_sid}.
 */
public record TurnInput(
    @Schema(
            name = "phone_number",
            required = true,
            description = "Normalised before use (+81 90-... is 090...)")
        @NotBlank(message = "phone_number is required.")
        String phoneNumber,
    @Schema(
            description =
                "ISO 8601; required to change a turn, given by the server when a new one has none")
        @NotBlank(groups = TurnInput.Existing.class, message = "ts is required.")
        String ts,
    @Schema(name = "user_text", maxLength = TurnInput.MAX_TEXT_CHARS)
        @Size(
            max = TurnInput.MAX_TEXT_CHARS,
            message = "user_text must have at most " + TurnInput.MAX_TEXT_CHARS + " characters.")
        String userText,
    @Schema(name = "assistant_text", maxLength = TurnInput.MAX_TEXT_CHARS)
        @Size(
            max = TurnInput.MAX_TEXT_CHARS,
            message =
                "assistant_text must have at most " + TurnInput.MAX_TEXT_CHARS + " characters.")
        String assistantText,
    @Schema(name = "call_sid", description = "callSid is accepted too") String callSid) {

  /** Bounds one text well below DynamoDB's 400 KB item limit. */
  static final int MAX_TEXT_CHARS = 100_000;

  /** The constraints of a turn that exists already: it is named by its {@code ts}. */
  interface Existing extends Default {}

  /** The body's fields; a field of another type than text is a 400 naming it. */
  static TurnInput of(JsonValue body) {
    if (!(body instanceof JsonObject json)) {
      throw ApiException.badRequest("The body must be a JSON object.");
    }
    String phone = BodyFields.string(json, "phone_number");
    String ts = BodyFields.string(json, "ts");
    String callSid = BodyFields.string(json, "call_sid");
    if (callSid == null) {
      callSid = BodyFields.string(json, "callSid");
    }
    return new TurnInput(
        phone,
        ts == null || ts.isBlank() ? null : ts,
        BodyFields.string(json, "user_text"),
        BodyFields.string(json, "assistant_text"),
        callSid);
  }

  /** The turn, phone normalised and {@code ts} in stored form. */
  Turn turn() {
    return new Turn(
        PhoneNumbers.normalize(phoneNumber),
        ts == null ? null : LogTimes.stored(ts, "ts"),
        userText,
        assistantText,
        callSid == null || callSid.isBlank() ? null : callSid.strip());
  }
}
