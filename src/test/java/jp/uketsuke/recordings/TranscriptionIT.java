package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder;
import jakarta.json.JsonObject;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /transcription}: Whisper's transcript of an owned recording, paid for once. */
class TranscriptionIT {
  private static final String TENANT = "rec-transcribe-a";
  private static final String OTHER = "rec-transcribe-b";
  private static final String PHONE = "09012360001";
  private static final String OPENAI = TwilioStubs.OPENAI;

  private final TwilioStubs twilio = new TwilioStubs();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void aTranscriptIsComputedOnceThenServedFromStorageAndRefreshRecomputes() {
    String recording = ownedRecording();
    byte[] audio = TwilioStubs.audioOf(recording);
    twilio.stub(TwilioStubs.openAi(audio).willReturn(verboseJson("お電話ありがとうございます。", 12.2)));
    Api owner = Api.as(Tokens.person(TENANT));
    long before = transcribedSeconds();

    JsonObject first = owner.get("/transcription?recording_sid=" + recording).ok();
    assertThat(first.getString("text")).isEqualTo("お電話ありがとうございます。");
    JsonObject segment = first.getJsonArray("segments").getJsonObject(0);
    assertThat(segment.getString("text")).isEqualTo("お電話");
    assertThat(segment.getJsonNumber("end").doubleValue()).isEqualTo(3.5);
    assertThat(first.getString("model")).isEqualTo("whisper-1");

    JsonObject second = owner.get("/transcription?sid=" + recording).ok();
    assertThat(second.getString("text")).isEqualTo(first.getString("text"));
    assertThat(second.getJsonArray("segments")).isEqualTo(first.getJsonArray("segments"));
    twilio.wiremock.verifyThat(1, TwilioStubs.whisperCalledWith(audio));
    twilio.wiremock.verifyThat(
        1, getRequestedFor(urlPathEqualTo(TwilioStubs.mediaPath(recording))));
    assertThat(transcribedSeconds() - before).isEqualTo(13);
    Map<String, AttributeValue> stored = storedItem(recording);
    assertThat(stored.get("phone_number").s()).isEqualTo(PHONE);
    assertThat(stored.get("language").s()).isEqualTo("japanese");

    JsonObject refreshed =
        owner.get("/transcription?recording_sid=" + recording + "&refresh=true").ok();
    assertThat(refreshed.getString("text")).isEqualTo("お電話ありがとうございます。");
    twilio.wiremock.verifyThat(2, TwilioStubs.whisperCalledWith(audio));
    assertThat(transcribedSeconds() - before).isEqualTo(26);
  }

  @Test
  void theUploadNamesModelLanguageAndVerboseJson() {
    String recording = ownedRecording();
    byte[] audio = TwilioStubs.audioOf(recording);
    twilio.stub(TwilioStubs.openAi(audio).willReturn(verboseJson("はい", 1.0)));

    Api.as(Tokens.person(TENANT)).get("/transcription?recording_sid=" + recording).ok();

    twilio.wiremock.verifyThat(
        1,
        TwilioStubs.whisperCalledWith(audio)
            .withHeader("Authorization", equalTo("Bearer sk-wiremock-test"))
            .withRequestBodyPart(part("model", "whisper-1"))
            .withRequestBodyPart(part("language", "ja"))
            .withRequestBodyPart(part("response_format", "verbose_json")));
  }

  @Test
  void anOpenAiFailureIs502AndNothingIsKept() {
    String recording = ownedRecording();
    byte[] audio = TwilioStubs.audioOf(recording);
    twilio.stub(
        TwilioStubs.openAi(audio)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": {\"message\": \"internal secret detail\"}}")));

    JsonObject problem =
        Api.as(Tokens.person(TENANT)).get("/transcription?recording_sid=" + recording).problem(502);

    assertThat(problem.toString()).doesNotContain("secret");
    assertThat(storedItem(recording)).isEmpty();
  }

  @Test
  void anotherTenantsRecordingIs404AndItsMediaIsNeverRequested() {
    String recording = ownedRecording();

    Api.as(Tokens.person(OTHER)).get("/transcription?recording_sid=" + recording).problem(404);

    twilio.wiremock.verifyThat(
        0, getRequestedFor(urlPathMatching(".*/Recordings/" + recording + "\\.(mp3|wav)")));
    twilio.wiremock.verifyThat(0, TwilioStubs.whisperCalledWith(TwilioStubs.audioOf(recording)));
  }

  @Test
  void anotherTenantNeverSeesAStoredTranscript() {
    String recording = ownedRecording();
    twilio.stub(
        TwilioStubs.openAi(TwilioStubs.audioOf(recording)).willReturn(verboseJson("秘密", 2.0)));
    Api.as(Tokens.person(TENANT)).get("/transcription?recording_sid=" + recording).ok();

    Api.as(Tokens.person(OTHER)).get("/transcription?recording_sid=" + recording).problem(404);
  }

  @Test
  void erasingTheCallerDeletesTheirStoredTranscripts() {
    String phone = "09012369999";
    String recording = ownedRecording(phone);
    twilio.stub(
        TwilioStubs.openAi(TwilioStubs.audioOf(recording)).willReturn(verboseJson("消してください", 2.0)));
    Api owner = Api.as(Tokens.person(TENANT));
    owner.get("/transcription?recording_sid=" + recording).ok();

    JsonObject deleted = owner.delete("/callers/" + phone).ok().getJsonObject("deleted");

    assertThat(deleted.getInt("transcripts")).isEqualTo(1);
    assertThat(storedItem(recording)).isEmpty();
  }

  @Test
  void aServiceTokenMustNameItsTenant() {
    Api.as(Tokens.service()).get("/transcription?sid=RE1").problem(401);
  }

  @Test
  void badInputIs400AndNoTokenIs401() {
    Api owner = Api.as(Tokens.person(TENANT));
    assertThat(owner.get("/transcription").problem(400).getString("error"))
        .contains("recording_sid");
    assertThat(owner.get("/transcription?sid=RE1&refresh=maybe").problem(400).getString("error"))
        .contains("refresh");
    assertThat(owner.get("/transcription?sid=RE1&format=ogg").problem(400).getString("error"))
        .contains("format");
    Api.anonymous().get("/transcription?sid=RE1").problem(401);
  }

  private String ownedRecording() {
    return ownedRecording(PHONE);
  }

  private String ownedRecording(String phone) {
    return twilio.ownedRecording(TENANT, phone, 13);
  }

  private static com.github.tomakehurst.wiremock.matching.MultipartValuePattern part(
      String name, String value) {
    MultipartValuePatternBuilder part = aMultipart().withName(name).withBody(equalTo(value));
    return part.build();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder verboseJson(
      String text, double duration) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"task": "transcribe", "language": "japanese", "duration": %s, "text": "%s",
             "segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 3.5, "text": "お電話",
               "tokens": [50364, 1], "temperature": 0.0, "avg_logprob": -0.25,
               "compression_ratio": 0.9, "no_speech_prob": 0.01}]}"""
                .formatted(duration, text));
  }

  private static Map<String, AttributeValue> storedItem(String recording) {
    return TwilioStubs.storedTranscript(TENANT, recording);
  }

  private static long transcribedSeconds() {
    Map<String, AttributeValue> item =
        RawDynamo.client()
            .getItem(
                b ->
                    b.tableName(RawDynamo.table("usage"))
                        .key(
                            Map.of(
                                "client_id",
                                AttributeValue.fromS(TENANT),
                                "sk",
                                AttributeValue.fromS(
                                    "day#" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)))))
            .item();
    AttributeValue seconds = item == null ? null : item.get("transcribed_seconds");
    return seconds == null ? 0 : Long.parseLong(seconds.n());
  }
}
