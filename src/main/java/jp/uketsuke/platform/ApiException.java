package jp.uketsuke.platform;

import jakarta.ws.rs.core.Response.Status;

/**
 * A failure the client caused or must know about. Its message is written for the client and ends up
 * in the problem document, so it never holds internal details.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String title;

  protected ApiException(int status, String title, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, Status.BAD_REQUEST.getReasonPhrase(), detail);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, Status.UNAUTHORIZED.getReasonPhrase(), detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, Status.FORBIDDEN.getReasonPhrase(), detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, Status.NOT_FOUND.getReasonPhrase(), detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, Status.CONFLICT.getReasonPhrase(), detail);
  }

  public static ApiException payloadTooLarge(String detail) {
    return new ApiException(413, "Content Too Large", detail);
  }

  public static ApiException rangeNotSatisfiable(String detail) {
    return new ApiException(416, "Range Not Satisfiable", detail);
  }

  /** An external system this request depends on failed or answered nonsense. */
  public static ApiException badGateway(String detail) {
    return new ApiException(502, Status.BAD_GATEWAY.getReasonPhrase(), detail);
  }

  /** A capability that is not configured, or a dependency that is down for now. */
  public static ApiException unavailable(String detail) {
    return new ApiException(503, Status.SERVICE_UNAVAILABLE.getReasonPhrase(), detail);
  }
}
