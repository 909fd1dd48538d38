package jp.uketsuke.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A request over its tenant's rate limit. {@link RateLimitFilter} refuses most of them on arrival;
 * a route that limits itself (paid transcriptions) throws this, and both answer the same 429
 * problem document with {@code Retry-After}.
 */
public final class RateLimitExceeded extends ApiException {
  private final long retryAfterSeconds;

  RateLimitExceeded(RateLimits.Kind kind, long retryAfterSeconds) {
    super(
        429,
        "Too Many Requests",
        "Too many " + kind.what + " for this tenant; try again in " + retryAfterSeconds + " s.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  Response toResponse(String requestId) {
    Problem problem = Problem.of(status(), title(), getMessage(), requestId);
    return Response.fromResponse(problem.toResponse())
        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
        .build();
  }
}
