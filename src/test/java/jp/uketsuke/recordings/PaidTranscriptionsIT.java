package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.nio.charset.StandardCharsets;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #14, paid calls are bounded: a tenant's paid transcriptions are rate limited while stored
 * ones stay free. The test server gives {@value #TINY} 2 paid transcriptions per hour
 * (src/test/liberty/rate-limits.xml).
 */
class PaidTranscriptionsIT {
  private static final String TINY = "rl-transcribe-tiny";
  private static final String OTHER = "rl-transcribe-other";
  private static final String OPENAI = "/v1/audio/transcriptions";

  private final TwilioStubs twilio = new TwilioStubs();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void overItsPaidTranscriptionsATenantGets429WithRetryAfterWhileStoredOnesAreStillServed() {
    Api tiny = Api.as(Tokens.person(TINY));
    String first = ownedRecording(TINY);
    twilio.stub(openAi(audioOf(first)).willReturn(verboseJson("最初の録音")));
    assertThat(tiny.get(transcription(first)).ok().getString("text")).isEqualTo("最初の録音");
    tiny.get(transcription(first) + "&refresh=true").ok();

    String second = ownedRecording(TINY);
    twilio.stub(openAi(audioOf(second)).willReturn(verboseJson("二番目の録音")));
    Reply refused = tiny.get(transcription(second));

    assertThat(refused.problem(429).getString("error")).contains("transcriptions");
    assertThat(refused.header("Retry-After")).as("Retry-After").matches("[0-9]+");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1800L);
    twilio.wiremock.verifyThat(0, whisperCalledWith(audioOf(second)));
    twilio.wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo(mediaPath(second))));
    assertThat(TwilioStubs.storedTranscript(TINY, second)).isEmpty();
    tiny.get(transcription(first) + "&refresh=true").problem(429);

    for (int i = 0; i < 5; i++) {
      assertThat(tiny.get(transcription(first)).ok().getString("text")).isEqualTo("最初の録音");
    }
    twilio.wiremock.verifyThat(2, whisperCalledWith(audioOf(first)));
    String others = ownedRecording(OTHER);
    twilio.stub(openAi(audioOf(others)).willReturn(verboseJson("別のテナント")));
    Api.as(Tokens.person(OTHER)).get(transcription(others)).ok();
  }

  private String ownedRecording(String tenant) {
    String call = TwilioStubs.sid("CA");
    String recording = TwilioStubs.sid("RE");
    TwilioStubs.seedCall(tenant, call, "09012380001");
    twilio.recording(recording, call, 10);
    twilio.stub(
        get(urlPathEqualTo(mediaPath(recording)))
            .willReturn(aResponse().withBody(audioOf(recording))));
    return recording;
  }

  private static String transcription(String recording) {
    return "/transcription?recording_sid=" + recording;
  }

  private static String mediaPath(String recording) {
    return TwilioStubs.RECORDINGS + "/" + recording + ".mp3";
  }

  private static byte[] audioOf(String recording) {
    return ("ID3-paid-audio-" + recording).getBytes(StandardCharsets.US_ASCII);
  }

  private static MappingBuilder openAi(byte[] audio) {
    return post(urlPathEqualTo(OPENAI))
        .withMultipartRequestBody(aMultipart().withName("file").withBody(binaryEqualTo(audio)));
  }

  private static RequestPatternBuilder whisperCalledWith(byte[] audio) {
    return postRequestedFor(urlPathEqualTo(OPENAI))
        .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(audio)).build());
  }

  private static ResponseDefinitionBuilder verboseJson(String text) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"task": "transcribe", "language": "japanese", "duration": 4.0, "text": "%s",
             "segments": []}"""
                .formatted(text));
  }
}
