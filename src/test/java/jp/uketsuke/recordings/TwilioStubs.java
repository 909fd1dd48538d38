package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.TwilioJson;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * WireMock playing Twilio for one test: unique SIDs, stubs removed afterwards (every IT shares the
 * one WireMock), and call logs seeded through the API so ownership is the real rule.
 */
final class TwilioStubs implements AutoCloseable {
  static final String RECORDINGS = TwilioJson.RECORDINGS;
  static final String OPENAI = "/v1/audio/transcriptions";

  final WireMock wiremock = LocalStack.get().wiremock();
  private final List<StubMapping> stubs = new ArrayList<>();

  static String sid(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  /** A call of the tenant, as the voice server would log it. */
  static void seedCall(String tenant, String callSid, String phone) {
    Api.as(Tokens.person(tenant))
        .post(
            "/call",
            """
            {"phone_number": "%s", "user_text": "もしもし", "call_sid": "%s"}"""
                .formatted(phone, callSid))
        .ok();
  }

  /** The stored transcript of a tenant's recording, read straight from the table (empty: none). */
  static Map<String, AttributeValue> storedTranscript(String tenant, String recording) {
    return RawDynamo.client()
        .getItem(
            b ->
                b.tableName(RawDynamo.table("transcripts"))
                    .key(
                        Map.of(
                            "client_id",
                            AttributeValue.fromS(tenant),
                            "recording_sid",
                            AttributeValue.fromS(recording))))
        .item();
  }

  StubMapping stub(MappingBuilder mapping) {
    StubMapping stub = wiremock.register(mapping);
    stubs.add(stub);
    return stub;
  }

  /** Twilio's answer to fetching one recording. */
  void recording(String recordingSid, String callSid, int duration) {
    stub(
        get(urlPathEqualTo(RECORDINGS + "/" + recordingSid + ".json"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(TwilioJson.recording(recordingSid, callSid, duration))));
  }

  /** A recording of a call the tenant logged, whose mp3 Twilio serves ({@link #audioOf}). */
  String ownedRecording(String tenant, String phone, int duration) {
    String call = sid("CA");
    String recording = sid("RE");
    seedCall(tenant, call, phone);
    recording(recording, call, duration);
    stub(
        get(urlPathEqualTo(mediaPath(recording)))
            .willReturn(aResponse().withBody(audioOf(recording))));
    return recording;
  }

  /** The route that transcribes a recording. */
  static String transcription(String recording) {
    return "/transcription?recording_sid=" + recording;
  }

  /** Speech to text's answer without segments: {@code text}, {@code duration} seconds long. */
  static ResponseDefinitionBuilder transcript(String text, double duration) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"task": "transcribe", "language": "japanese", "duration": %s, "text": "%s",
             "segments": []}"""
                .formatted(duration, text));
  }

  static String mediaPath(String recording) {
    return RECORDINGS + "/" + recording + ".mp3";
  }

  /** Audio unique to the recording, so stubs and verifications cannot meet other tests' calls. */
  static byte[] audioOf(String recording) {
    return ("ID3-fake-audio-" + recording).getBytes(StandardCharsets.US_ASCII);
  }

  /** Speech to text, asked about exactly this audio. */
  static MappingBuilder openAi(byte[] audio) {
    return post(urlPathEqualTo(OPENAI))
        .withMultipartRequestBody(aMultipart().withName("file").withBody(binaryEqualTo(audio)));
  }

  static RequestPatternBuilder whisperCalledWith(byte[] audio) {
    return postRequestedFor(urlPathEqualTo(OPENAI))
        .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(audio)).build());
  }

  @Override
  public void close() {
    stubs.forEach(wiremock::removeStubMapping);
  }
}
