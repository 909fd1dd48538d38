package jp.uketsuke.webhooks;

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
import java.util.List;
import java.util.TreeSet;
import jp.uketsuke.platform.Bodies;

/** A webhook's events: a non-empty list of {@link WebhookEvent#SUBSCRIBABLE} event types. */
@Documented
@Constraint(validatedBy = Subscribable.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface Subscribable {
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the list; the violation says what may be subscribed to. */
  class Check implements ConstraintValidator<Subscribable, List<String>> {
    @Override
    public boolean isValid(List<String> events, ConstraintValidatorContext context) {
      String known = new TreeSet<>(WebhookEvent.SUBSCRIBABLE).toString();
      String problem =
          events == null || events.isEmpty()
              ? "events must be a non-empty array of " + known + "."
              : events.stream().allMatch(e -> e != null && WebhookEvent.SUBSCRIBABLE.contains(e))
                  ? null
                  : "events may only hold " + known + ".";
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(Bodies.literal(problem))
          .addConstraintViolation();
      return false;
    }
  }
}
