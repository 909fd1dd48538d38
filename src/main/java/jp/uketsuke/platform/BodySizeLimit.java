package jp.uketsuke.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over the configured size with 413: at once when Content-Length says so, and while
 * reading when the body is chunked, so nobody can make a pod buffer an endless body. A route may
 * raise its own limit through a {@link BodyLimitOverride}.
 */
@Provider
@PreMatching
@Priority(2)
public class BodySizeLimit implements ContainerRequestFilter {
  @Inject
  @ConfigProperty(name = "uketsuke.http.max-body-bytes", defaultValue = "1048576")
  long maxBytes;

  @Inject Instance<BodyLimitOverride> overrides;
  @Inject RequestBody body;

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = limitFor(request);
    if (request.getLength() > limit) {
      throw tooLarge(limit);
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream(), limit, body));
    }
  }

  private long limitFor(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(true);
    String relative = path.startsWith("/") ? path.substring(1) : path;
    for (BodyLimitOverride override : overrides) {
      var limit = override.limitFor(request.getMethod(), relative);
      if (limit.isPresent()) {
        return limit.getAsLong();
      }
    }
    return maxBytes;
  }

  private static ApiException tooLarge(long limit) {
    return ApiException.payloadTooLarge("The request body is larger than " + limit + " bytes.");
  }

  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private final RequestBody body;
    private long remaining;

    Bounded(InputStream in, long limit, RequestBody body) {
      super(in);
      this.limit = limit;
      this.body = body;
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      remaining -= n;
      if (remaining < 0) {
        body.exceeded(limit);
        throw tooLarge(limit);
      }
    }
  }
}
