package jp.uketsuke.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers every API response carries, errors included. Responses hold callers' phone numbers and
 * words, so nothing may be cached on the way; the API serves JSON only, so nothing may be framed,
 * sniffed or run as a page.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Cache-Control", "no-store");
    headers.putSingle("X-Content-Type-Options", "nosniff");
    headers.putSingle("X-Frame-Options", "DENY");
    headers.putSingle("Referrer-Policy", "no-referrer");
    headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}
