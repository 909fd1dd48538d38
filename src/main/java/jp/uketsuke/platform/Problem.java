package jp.uketsuke.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document that old clients also understand: they read {@code ok} and {@code
 * error}, so both carry the same message as {@code detail}.
 */
@JsonbPropertyOrder({"ok", "error", "type", "title", "status", "detail", "instance"})
public record Problem(
    boolean ok,
    String error,
    String type,
    String title,
    int status,
    String detail,
    String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail, String requestId) {
    return new Problem(
        false, detail, "about:blank", title, status, detail, "urn:uketsuke:request:" + requestId);
  }

  public Response toResponse() {
    return Response.status(status)
        .type(MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8"))
        .entity(this)
        .build();
  }
}
