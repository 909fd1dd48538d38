package jp.uketsuke.webhooks;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jp.uketsuke.exttools.ExtToolUrls;
import jp.uketsuke.platform.Bodies;

/**
 * A webhook URL the ext-tool address rule allows ({@link WebhookAddresses}, the rule of {@code
 * exttools/}); the violation names the rule broken. A missing URL is {@code @NotBlank}'s to refuse.
 */
@Documented
@Constraint(validatedBy = WebhookUrl.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface WebhookUrl {
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Checks a URL by the address rule as the server is configured. The rule is looked up, not
   * injected: Liberty creates validators through a bean manager that does not see this
   * application's beans (WELD-001408 on an {@code @Inject} field).
   */
  class Check implements ConstraintValidator<WebhookUrl, String> {
    @Override
    public boolean isValid(String url, ConstraintValidatorContext context) {
      if (url == null || url.isBlank()) {
        return true;
      }
      try {
        CDI.current().select(WebhookAddresses.class).get().post().checkSaved(url);
        return true;
      } catch (ExtToolUrls.Refused e) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(Bodies.literal("url " + e.getMessage() + "."))
            .addConstraintViolation();
        return false;
      }
    }
  }
}
