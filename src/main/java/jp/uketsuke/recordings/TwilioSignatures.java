package jp.uketsuke.recordings;

import com.twilio.security.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks Twilio's {@code X-Twilio-Signature} with twilio-java's {@link RequestValidator}: an
 * HMAC-SHA1, under the auth token of the account the request names, of the URL Twilio called plus
 * the sorted form parameters. Behind a load balancer the URL this server sees is not the one Twilio
 * called, so the URL is {@code uketsuke.public-base-url} plus the request's path and query.
 */
@ApplicationScoped
class TwilioSignatures {
  static final String HEADER = "X-Twilio-Signature";

  @Inject TwilioAccounts accounts;

  @Inject
  @ConfigProperty(name = "uketsuke.public-base-url")
  Optional<String> publicBaseUrl;

  /** A request Twilio signed, and its form parameters. */
  record Signed(String accountSid, Map<String, String> params) {
    String param(String name) {
      return params.get(name);
    }
  }

  /**
   * @throws ApiException 403 when the signature is missing or wrong, or the account is not one this
   *     service serves (one answer for all, which names no tenant); 503 without a public base URL
   */
  Signed verify(UriInfo uri, String signature, String body) {
    if (signature == null || signature.isBlank()) {
      throw refused();
    }
    String base =
        publicBaseUrl
            .map(String::strip)
            .filter(b -> !b.isEmpty())
            .orElseThrow(
                () ->
                    ApiException.unavailable(
                        "Twilio callbacks are not available: uketsuke.public-base-url is not set."));
    Map<String, String> params = form(body);
    String accountSid = params.get("AccountSid");
    Optional<String> token = accounts.signingToken(accountSid);
    if (token.isEmpty()
        || !new RequestValidator(token.get()).validate(url(base, uri), params, signature)) {
      throw refused();
    }
    return new Signed(accountSid, params);
  }

  static String url(String base, UriInfo uri) {
    URI request = uri.getRequestUri();
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String query = request.getRawQuery();
    return trimmed + request.getRawPath() + (query == null ? "" : "?" + query);
  }

  /** {@code application/x-www-form-urlencoded}; a malformed body simply fails the signature. */
  static Map<String, String> form(String body) {
    Map<String, String> params = new HashMap<>();
    if (body == null || body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.putIfAbsent(name, value);
      } catch (IllegalArgumentException malformed) {
        throw refused();
      }
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static ApiException refused() {
    return ApiException.forbidden("The request does not carry a valid Twilio signature.");
  }
}
