package jp.uketsuke.platform.idempotency;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Problem;
import jp.uketsuke.platform.RequestId;
import jp.uketsuke.platform.Sha256;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} on every write (POST, PUT, PATCH, DELETE): the same key with the same
 * request from the same tenant within a day gets the first outcome, byte for byte, without the work
 * running again ({@code Idempotent-Replayed: true}); the same key with another request is 422; a
 * retry while the first still runs waits for it, up to {@code uketsuke.idempotency.wait}, then gets
 * 409 with {@code Retry-After}. A 5xx is not kept: the retry runs the work again, with the values
 * the failed attempt fixed ({@link IdempotentRequest}). Runs after the tenant is known and before
 * the rate limit, so a replay costs the tenant nothing.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class IdempotencyFilter
    implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
  static final String HEADER = "Idempotency-Key";
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final String STATUS = IdempotencyFilter.class.getName() + ".status";

  /**
   * Set on a request whose key this filter claimed: the response side asks this property, not the
   * request-scoped {@link IdempotentRequest}, so a request without a key (every read) never has
   * that bean created.
   */
  private static final String KEYED = IdempotencyFilter.class.getName() + ".keyed";

  @Inject TenantContext tenant;
  @Inject IdempotencyKeys keys;
  @Inject IdempotentRequest current;
  @Inject RequestId requestId;

  @Inject
  @ConfigProperty(name = "uketsuke.idempotency.wait", defaultValue = "PT10S")
  Duration wait;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    if (key == null || !WRITES.contains(request.getMethod())) {
      return;
    }
    if (key.isEmpty() || key.length() > 255) {
      throw ApiException.badRequest(HEADER + " must be 1 to 255 characters.");
    }
    String tenantId = tenant.tenantId();
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    Claim claim = keys.claim(tenantId, key, fingerprint(request, body));
    switch (claim.state()) {
      case STARTED -> {
        current.start(tenantId, key, claim.owner(), claim.plan());
        request.setProperty(KEYED, Boolean.TRUE);
      }
      case DONE -> request.abortWith(replay(claim.outcome()));
      case MISMATCH ->
          request.abortWith(
              problem(422, "Unprocessable Content", HEADER + " was used with another request."));
      case BUSY -> request.abortWith(awaitFirst(tenantId, key));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(KEYED) == null) {
      return;
    }
    if (response.getStatus() >= 500) {
      keys.release(current.tenantId(), current.key(), current.owner());
    } else if (!response.hasEntity()) {
      keys.complete(
          current.tenantId(),
          current.key(),
          current.owner(),
          new Outcome(response.getStatus(), null, null));
    } else {
      request.setProperty(STATUS, response.getStatus());
    }
  }

  /** Keeps the answer's bytes as they are sent. */
  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    Object status = context.getProperty(STATUS);
    if (status == null) { // set only on a keyed request
      context.proceed();
      return;
    }
    OutputStream out = context.getOutputStream();
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    context.setOutputStream(new Tee(out, copy));
    context.proceed();
    String type = context.getMediaType() == null ? null : context.getMediaType().toString();
    keys.complete(
        current.tenantId(),
        current.key(),
        current.owner(),
        new Outcome((Integer) status, type, copy.toByteArray()));
  }

  /** The first request's outcome once it has one, or 409 after {@link #wait}. */
  private Response awaitFirst(String tenantId, String key) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      Outcome outcome = keys.finished(tenantId, key);
      if (outcome != null) {
        return replay(outcome);
      }
    }
    return Response.fromResponse(
            problem(409, "Conflict", "A request with this " + HEADER + " is still running."))
        .header(HttpHeaders.RETRY_AFTER, 1)
        .build();
  }

  private Response replay(Outcome outcome) {
    if (outcome.body() == null && outcome.contentType() != null) {
      // The first answer had a body too large to keep (IdempotencyKeys.MAX_BODY).
      return Response.fromResponse(
              problem(
                  409,
                  "Conflict",
                  "The first request with this "
                      + HEADER
                      + " was answered "
                      + outcome.status()
                      + ", but its answer was too large to keep; read the result instead."))
          .header("Idempotent-Replayed", "true")
          .build();
    }
    Response.ResponseBuilder replay =
        Response.status(outcome.status()).header("Idempotent-Replayed", "true");
    if (outcome.body() != null) {
      replay.entity(new ByteArrayInputStream(outcome.body())).type(outcome.contentType());
    }
    return replay.build();
  }

  private Response problem(int status, String title, String detail) {
    return Problem.of(status, title, detail, requestId.value()).toResponse();
  }

  /** What makes two requests the same: method, path, query and body. */
  private static String fingerprint(ContainerRequestContext request, byte[] body) {
    String target =
        request.getMethod()
            + " "
            + request.getUriInfo().getRequestUri().getRawPath()
            + "?"
            + request.getUriInfo().getRequestUri().getRawQuery()
            + "\n";
    return HexFormat.of().formatHex(Sha256.of(target.getBytes(StandardCharsets.UTF_8), body));
  }

  /** Writes to the response and to a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream out;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream out, ByteArrayOutputStream copy) {
      this.out = out;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      copy.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      copy.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
