package jp.uketsuke.faq;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /faq/{question}}: the new answer. */
public record FaqAnswer(
    @Schema(required = true, maxLength = FaqRules.ANSWER_MAX_CHARS, description = "Non-blank")
        @FaqText(FaqText.Field.ANSWER)
        String answer) {

  /** The field of a JSON body; missing or not text is null, refused as blank. */
  static FaqAnswer of(JsonValue body) {
    return new FaqAnswer(FaqRules.text(body, "answer"));
  }
}
