package jp.uketsuke.recordings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Downloads a recording's audio as a stream. twilio-java reads every answer into memory, so media
 * goes through the JDK's client instead. Twilio may redirect to a signed storage URL; it is
 * followed here, and only the first request (to Twilio) carries Twilio's credentials.
 */
@ApplicationScoped
public class RecordingMedia {
  private static final Logger LOG = Logger.getLogger(RecordingMedia.class.getName());
  private static final int MAX_REDIRECTS = 5;

  @Inject TwilioAccounts accounts;

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.timeout", defaultValue = "PT10S")
  Duration timeout;

  private HttpClient http;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * Opens the media of an owned recording, passing the client's {@code Range} on. A failure to
   * connect is retried: nothing has been sent to the client yet.
   */
  @Retry(retryOn = IOException.class, maxRetries = 2, delay = 200, jitter = 100)
  MediaStream open(TwilioRecording recording, MediaFormat format, String range) throws IOException {
    URI uri = mediaUri(recording, format);
    boolean toTwilio = true;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpResponse<InputStream> response = send(uri, range, toTwilio);
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (status / 100 == 3 && location != null) {
        response.body().close();
        uri = uri.resolve(location);
        toTwilio = false;
        continue;
      }
      return accept(response, recording.sid());
    }
    throw ApiException.badGateway("Twilio redirected the recording too often.");
  }

  private URI mediaUri(TwilioRecording recording, MediaFormat format) {
    return URI.create(
        accounts.base()
            + "/2010-04-01/Accounts/"
            + recording.accountSid()
            + "/Recordings/"
            + recording.sid()
            + "."
            + format.extension());
  }

  private HttpResponse<InputStream> send(URI uri, String range, boolean toTwilio)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    if (range != null) {
      request.header("Range", range);
    }
    if (toTwilio) {
      String credentials = accounts.username() + ":" + accounts.password();
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while asking for a recording");
    }
  }

  private static MediaStream accept(HttpResponse<InputStream> response, String sid)
      throws IOException {
    int status = response.statusCode();
    if (status == 200 || status == 206) {
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      String contentRange = response.headers().firstValue("Content-Range").orElse(null);
      return new MediaStream(response.body(), status == 206, length, contentRange);
    }
    response.body().close();
    if (status == 404) {
      throw RecordingAccess.unknown(sid);
    }
    if (status == 416) {
      throw ApiException.rangeNotSatisfiable("The requested range is outside the recording.");
    }
    LOG.warning("Twilio answered " + status + " for the media of " + sid);
    throw ApiException.badGateway("Twilio failed to deliver the recording; try again later.");
  }
}
