package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Bean Validation of a request body the resource has read into its record. Resources call it after
 * their permission check, so a caller who may not write hears that (403) before anything about the
 * body; {@code @Valid} on the parameter would validate first. A failure is a {@link
 * ConstraintViolationException}, answered by {@link ConstraintViolationMapper}.
 */
@ApplicationScoped
public class Bodies {
  @Inject Validator validator;

  /**
   * @param groups the constraint groups to check; none for the default group
   * @return the body, when every constraint holds
   * @throws ConstraintViolationException naming what does not
   */
  public <T> T valid(T body, Class<?>... groups) {
    Set<ConstraintViolation<T>> violations = validator.validate(body, groups);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }

  /**
   * A message template that interpolates to {@code sentence} as it is, for constraints whose
   * message is a rule's own sentence ({@code {}}, {@code $} and {@code \} are escaped).
   */
  public static String literal(String sentence) {
    return sentence.replaceAll("([\\\\{}$])", "\\\\$1");
  }
}
