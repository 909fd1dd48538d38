package jp.uketsuke.faq;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /faq}. */
public record NewFaq(
    @Schema(
            required = true,
            maxLength = FaqRules.QUESTION_MAX_CHARS,
            description =
                "Non-blank; at most 500 characters and 1,024 bytes in UTF-8 (it is the"
                    + " storage key)")
        @FaqText(FaqText.Field.QUESTION)
        String question,
    @Schema(required = true, maxLength = FaqRules.ANSWER_MAX_CHARS, description = "Non-blank")
        @FaqText(FaqText.Field.ANSWER)
        String answer) {

  /** The fields of a JSON body; a field that is missing or not text is null, refused as blank. */
  static NewFaq of(JsonValue body) {
    return new NewFaq(FaqRules.text(body, "question"), FaqRules.text(body, "answer"));
  }
}
