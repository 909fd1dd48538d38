package jp.uketsuke.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A limit a route enforces itself answers like the filter's: the 429 carries {@code Retry-After},
 * which {@link ProblemMapper} (for every other failure) does not know about.
 */
@Provider
public class RateLimitExceededMapper implements ExceptionMapper<RateLimitExceeded> {
  @Inject RequestId requestId;

  @Override
  public Response toResponse(RateLimitExceeded refused) {
    return refused.toResponse(requestId.value());
  }
}
