package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.TwilioJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /recording/{sid}}: the audio of the tenant's own recordings, streamed and seekable.
 */
class RecordingIT {
  private static final String TENANT = "rec-media-a";
  private static final String OTHER = "rec-media-b";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final TwilioStubs twilio = new TwilioStubs();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void streamsTheBytesWithTypeAndLength() {
    String recording = ownedRecording("09012350001");
    byte[] audio = audio(20 * 1024 + 7);
    twilio.stub(media(recording, "mp3").willReturn(whole(audio)));

    HttpResponse<byte[]> mp3 = fetch("/recording/" + recording + ".mp3", null, TENANT);

    assertThat(mp3.statusCode()).isEqualTo(200);
    assertThat(mp3.body()).isEqualTo(audio);
    assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(mp3.headers().firstValue("Content-Length")).hasValue(String.valueOf(audio.length));
    assertThat(mp3.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    twilio.wiremock.verifyThat(
        getRequestedFor(urlPathEqualTo(mediaPath(recording, "mp3")))
            .withHeader("Authorization", equalTo(basicAuth())));
  }

  @Test
  void wavIsServedAsAudioWav() {
    String recording = ownedRecording("09012350002");
    byte[] audio = audio(1000);
    twilio.stub(media(recording, "wav").willReturn(whole(audio)));

    HttpResponse<byte[]> wav = fetch("/recording/" + recording + "?format=wav", null, TENANT);

    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
    assertThat(wav.body()).isEqualTo(audio);
  }

  @Test
  void aRangeIsAnsweredWith206AndExactlyThatSlice() {
    String recording = ownedRecording("09012350003");
    byte[] audio = audio(5000);
    // The upstream ignores Range and sends the whole file: the slice is cut here.
    twilio.stub(media(recording, "mp3").willReturn(whole(audio)));

    HttpResponse<byte[]> middle = fetch("/recording/" + recording, "bytes=100-1099", TENANT);
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(audio, 100, 1100));
    assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/5000");
    assertThat(middle.headers().firstValue("Content-Length")).hasValue("1000");

    HttpResponse<byte[]> tail = fetch("/recording/" + recording, "bytes=-300", TENANT);
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(audio, 4700, 5000));
    assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 4700-4999/5000");

    assertThat(fetch("/recording/" + recording, "bytes=6000-", TENANT).statusCode()).isEqualTo(416);
  }

  @Test
  void aRangeTheUpstreamAnswersItselfPassesThrough() {
    String recording = ownedRecording("09012350004");
    byte[] slice = audio(10);
    twilio.stub(
        media(recording, "mp3")
            .withHeader("Range", equalTo("bytes=20-29"))
            .willReturn(
                aResponse()
                    .withStatus(206)
                    .withHeader("Content-Range", "bytes 20-29/4000")
                    .withHeader("Content-Length", "10")
                    .withBody(slice)));

    HttpResponse<byte[]> part = fetch("/recording/" + recording, "bytes=20-29", TENANT);

    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(slice);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 20-29/4000");
  }

  @Test
  void aRedirectToStorageIsFollowedWithoutTwilioCredentials() {
    String recording = ownedRecording("09012350005");
    byte[] audio = audio(2048);
    String storage = "/storage/" + recording + ".mp3";
    twilio.stub(
        media(recording, "mp3")
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", storage + "?X-Amz-Signature=abc")));
    twilio.stub(get(urlPathEqualTo(storage)).willReturn(whole(audio)));

    HttpResponse<byte[]> mp3 = fetch("/recording/" + recording, null, TENANT);

    assertThat(mp3.statusCode()).isEqualTo(200);
    assertThat(mp3.body()).isEqualTo(audio);
    twilio.wiremock.verifyThat(
        1,
        getRequestedFor(urlPathEqualTo(storage))
            .withQueryParam("X-Amz-Signature", equalTo("abc"))
            .withHeader("Authorization", absent()));
  }

  @Test
  void anUnknownRecordingIs404() {
    String recording = TwilioStubs.sid("RE");
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + "/" + recording + ".json"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\": 20404, \"message\": \"The requested resource was not found\","
                            + " \"more_info\": \"https://www.twilio.com/docs/errors/20404\","
                            + " \"status\": 404}")));

    Api.as(Tokens.person(TENANT)).get("/recording/" + recording).problem(404);
  }

  @Test
  void aTwilioFailureIs502() {
    String recording = TwilioStubs.sid("RE");
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + "/" + recording + ".json"))
            .willReturn(aResponse().withStatus(500).withBody("{\"status\": 500}")));

    Api.as(Tokens.person(TENANT)).get("/recording/" + recording).problem(502);
  }

  @Test
  void anotherTenantsRecordingIs404AndItsMediaIsNeverRequested() {
    String recording = ownedRecording("09012350006");
    twilio.stub(media(recording, "mp3").willReturn(aResponse().withBody(audio(10))));

    Api.as(Tokens.person(OTHER)).get("/recording/" + recording).problem(404);
    Api.as(Tokens.service()).header("x-client-id", OTHER).get("/recording/" + recording);

    twilio.wiremock.verifyThat(
        0, getRequestedFor(urlPathMatching(".*/Recordings/" + recording + "\\.(mp3|wav)")));
  }

  @Test
  void badInputIs400AndNoTokenIs401() {
    Api owner = Api.as(Tokens.person(TENANT));
    assertThat(owner.get("/recording/RE1?format=ogg").problem(400).getString("error"))
        .contains("format");
    assertThat(owner.get("/recording/RE%3Bx").problem(400).getString("error")).contains("sid");
    Api.anonymous().get("/recording/RE1").problem(401);
  }

  /** A recording of a call in the tenant's logs, known to Twilio. */
  private String ownedRecording(String phone) {
    String call = TwilioStubs.sid("CA");
    String recording = TwilioStubs.sid("RE");
    TwilioStubs.seedCall(TENANT, call, phone);
    twilio.recording(recording, call, 30);
    return recording;
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder media(
      String recording, String extension) {
    return get(urlPathEqualTo(mediaPath(recording, extension)));
  }

  /** What Twilio and storage send: the whole file with its length. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder whole(
      byte[] audio) {
    return aResponse().withHeader("Content-Length", String.valueOf(audio.length)).withBody(audio);
  }

  private static String mediaPath(String recording, String extension) {
    return TwilioStubs.RECORDINGS + "/" + recording + "." + extension;
  }

  private static String basicAuth() {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (TwilioJson.ACCOUNT + ":wiremock-test-token")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static byte[] audio(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + i / 256);
    }
    return bytes;
  }

  private static HttpResponse<byte[]> fetch(String path, String range, String tenant) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
            .header("Authorization", "Bearer " + Tokens.person(tenant));
    if (range != null) {
      request.header("Range", range);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
