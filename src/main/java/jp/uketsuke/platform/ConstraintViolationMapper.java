package jp.uketsuke.platform;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * Bean Validation failures as the same problem document as every other bad request: 400, the
 * constraints' messages (each names its field) as {@code detail} and {@code error}. A mapper of its
 * own only because JAX-RS takes the closest mapper by type, and the runtime's own one for {@code
 * ValidationException} is closer than {@link ProblemMapper}'s for {@code Throwable}. A violated
 * return value is our bug, so it is a 500 as in {@link ProblemMapper}.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  @Inject RequestId requestId;

  @Override
  public Response toResponse(ConstraintViolationException failure) {
    if (failure.getConstraintViolations().stream()
        .anyMatch(v -> isReturnValue(v.getPropertyPath()))) {
      ProblemMapper.log(Level.SEVERE, "request " + requestId.value() + " failed", failure);
      return Problem.of(
              500, "Internal Server Error", "Something went wrong on our side.", requestId.value())
          .toResponse();
    }
    String detail =
        failure.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(ConstraintViolation::getMessage)
            .distinct()
            .collect(Collectors.joining(" "));
    return Problem.of(400, "Bad Request", detail, requestId.value()).toResponse();
  }

  private static boolean isReturnValue(Path path) {
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }
}
