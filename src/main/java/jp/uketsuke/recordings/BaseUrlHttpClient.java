package jp.uketsuke.recordings;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * twilio-java always builds {@code https://<domain>.twilio.com} URLs and has no setting for another
 * base; this client sends the same requests to a configured base instead (WireMock in tests, a
 * proxy elsewhere). With Twilio's own base it changes nothing.
 */
final class BaseUrlHttpClient extends NetworkHttpClient {
  private final URI base;

  BaseUrlHttpClient(URI base, java.time.Duration timeout) {
    super(
        HttpClient.DEFAULT_REQUEST_CONFIG,
        SocketConfig.custom()
            .setSoTimeout(Timeout.ofMilliseconds(timeout.toMillis()))
            .setSoKeepAlive(true)
            .build());
    this.base = base;
  }

  @Override
  public Response makeRequest(Request request) {
    if (base.toString().equals(TwilioAccounts.DEFAULT_BASE)) {
      return super.makeRequest(request);
    }
    return super.makeRequest(rebased(request));
  }

  private Request rebased(Request original) {
    URI url = URI.create(original.getUrl());
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    Request copy = new Request(original.getMethod(), base + url.getRawPath() + query);
    if (original.getUsername() != null) {
      copy.setAuth(original.getUsername(), original.getPassword());
    } else if (original.getAuthStrategy() != null) {
      copy.setAuth(original.getAuthStrategy());
    }
    copyAll(original.getQueryParams(), copy::addQueryParam);
    copyAll(original.getPostParams(), copy::addPostParam);
    copyAll(original.getHeaderParams(), copy::addHeaderParam);
    copy.setContentType(original.getContentType());
    copy.setBody(original.getBody());
    copy.setFormParameters(original.getFormParameters());
    copy.setUserAgentExtensions(original.getUserAgentExtensions());
    return copy;
  }

  private static void copyAll(Map<String, List<String>> params, BiConsumer<String, String> target) {
    params.forEach((name, values) -> values.forEach(value -> target.accept(name, value)));
  }
}
