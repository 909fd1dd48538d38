package jp.uketsuke.exttools;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * A POST of our own to a tenant's URL (webhook deliveries), under the ext-tool address rule: the
 * URL is checked with {@link ExtToolUrls} when saved and again when sent, the host's addresses are
 * resolved once and refused if internal, the connection goes only to them, redirects are answers.
 */
public final class OutboundPost {
  /** What came of one POST: the status when the host answered, else why not (status 0). */
  public record Outcome(int status, String error) {
    public boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  private final ExtToolUrls urls;
  private final ExtToolAddresses addresses;
  private final ExtToolHttp http;

  /**
   * @param urls the address rule, configured as the caller's keys say ({@link ExtToolUrls#of})
   */
  public OutboundPost(ExtToolUrls urls) {
    this.urls = urls;
    this.addresses = new ExtToolAddresses(urls, InetAddress::getAllByName);
    this.http = new ExtToolHttp(1024);
  }

  /** The check of a URL that is being saved; the refusal's message follows "the URL". */
  public void checkSaved(String url) throws ExtToolUrls.Refused {
    urls.check(uri(url));
  }

  /** Sends {@code body} as JSON; never throws. */
  public Outcome post(String url, Map<String, String> headers, String body, Duration timeout) {
    try {
      URI uri = uri(url);
      ExtToolRequest request =
          new ExtToolRequest(
              "POST",
              uri,
              headers,
              body,
              "application/json",
              ExtToolRequest.timeout(null, timeout));
      return new Outcome(http.send(request, addresses.check(uri)).status(), null);
    } catch (ExtToolUrls.Refused e) {
      return new Outcome(0, "refused: the URL " + e.getMessage());
    } catch (ExtToolFailure e) {
      return new Outcome(0, e.getMessage().replace("the tool's URL", "the URL"));
    }
  }

  private static URI uri(String url) throws ExtToolUrls.Refused {
    try {
      return new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new ExtToolUrls.Refused("is not a valid URL");
    }
  }
}
