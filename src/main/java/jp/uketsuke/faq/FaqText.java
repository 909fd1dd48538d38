package jp.uketsuke.faq;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;
import jp.uketsuke.platform.Bodies;

/**
 * A question or an answer as {@link FaqRules} wants it (the import checks rows by the same rules).
 * The violation's message is the rule's own sentence, which names the field.
 */
@Documented
@Constraint(validatedBy = FaqText.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface FaqText {
  Field value();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Which of the two texts. */
  enum Field {
    QUESTION,
    ANSWER
  }

  /** Checks a text by its rule. */
  class Check implements ConstraintValidator<FaqText, String> {
    private Field field;

    @Override
    public void initialize(FaqText annotation) {
      field = annotation.value();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      Optional<String> problem =
          field == Field.QUESTION ? FaqRules.questionProblem(text) : FaqRules.answerProblem(text);
      problem.ifPresent(
          sentence -> {
            context.disableDefaultConstraintViolation();
            context
                .buildConstraintViolationWithTemplate(Bodies.literal(sentence))
                .addConstraintViolation();
          });
      return problem.isEmpty();
    }
  }
}
