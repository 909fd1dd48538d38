package jp.uketsuke.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Puts the request id on every log line of the request ({@link LogFields}) and writes one line per
 * API request: method, path and query with phone numbers masked, status and duration. Liberty's
 * access log carries no path, because paths and queries hold callers' numbers ({@code
 * /callers/{phone}}, {@code ?phone=}); this line is where a request's route is logged.
 */
@Provider
@PreMatching
@Priority(2)
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());
  private static final int MAX_TARGET = 300;
  private static final String STARTED = RequestLog.class.getName() + ".started";

  @Inject RequestId requestId;

  @Override
  public void filter(ContainerRequestContext request) {
    LogFields.clear();
    LogFields.put(LogFields.REQUEST_ID, requestId.value());
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    try {
      Object started = request.getProperty(STARTED);
      long millis = started instanceof Long t ? (System.nanoTime() - t) / 1_000_000 : -1;
      LOG.info(
          request.getMethod()
              + " "
              + target(request)
              + " "
              + response.getStatus()
              + " "
              + millis
              + "ms");
    } finally {
      LogFields.clear();
    }
  }

  /** The decoded path and query, numbers masked, at most {@value #MAX_TARGET} characters. */
  static String target(ContainerRequestContext request) {
    String decoded = request.getUriInfo().getPath(true);
    String path = decoded.startsWith("/") ? decoded : "/" + decoded;
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    String target = query == null ? path : path + "?" + decoded(query);
    String masked = PhoneMask.in(target);
    return masked.length() > MAX_TARGET ? masked.substring(0, MAX_TARGET) + "..." : masked;
  }

  private static String decoded(String query) {
    try {
      return URLDecoder.decode(query, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A malformed escape elsewhere: still turn encoded '+' and spaces back, or "%2B81..." would
      // hide a number from the mask.
      return query.replaceAll("(?i)%2B", "+").replaceAll("%20|\\+", " ");
    }
  }
}
