package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Twilio and speech-to-text failing: a clear 502 (the other side failed) or 503 (the breaker is
 * open, try later), and nothing cached wrong: a failed transcription is never stored, the next
 * request after recovery computes and stores it. The speech-to-text breaker is one per server (its
 * window: the last 4 calls), so each test starts and ends with it closed and its window clean.
 */
class RecordingFaultsIT {
  private static final String TENANT = "rec-faults";
  private static final String OPENAI = TwilioStubs.OPENAI;
  private static final int WHISPER_WINDOW = 4;

  private final TwilioStubs twilio = new TwilioStubs();
  private final Api owner = Api.as(Tokens.person(TENANT));

  @BeforeEach
  void cleanCircuit() {
    closeWhisperCircuit();
  }

  @AfterEach
  void closedCircuitAndNoStubs() {
    try {
      closeWhisperCircuit();
    } finally {
      twilio.close();
    }
  }

  @Test
  void aFailedTranscriptionIsNotStoredAndTheNextRequestComputesAndStoresIt() {
    String recording = ownedRecording();
    byte[] audio = TwilioStubs.audioOf(recording);
    String scenario = "whisper-" + recording;
    twilio.stub(
        TwilioStubs.openAi(audio)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("recovered")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    twilio.stub(
        TwilioStubs.openAi(audio)
            .inScenario(scenario)
            .whenScenarioStateIs("recovered")
            .willReturn(TwilioStubs.transcript("ご予約ありがとうございます。", 2.0)));

    assertProblem(owner.get(TwilioStubs.transcription(recording)), 502);
    assertThat(storedItem(recording)).as("stored after the failure").isEmpty();

    assertThat(owner.get(TwilioStubs.transcription(recording)).ok().getString("text"))
        .isEqualTo("ご予約ありがとうございます。");
    assertThat(storedItem(recording).get("text").s()).isEqualTo("ご予約ありがとうございます。");
    assertThat(owner.get(TwilioStubs.transcription(recording)).ok().getString("text"))
        .isEqualTo("ご予約ありがとうございます。");
    twilio.wiremock.verifyThat(2, TwilioStubs.whisperCalledWith(audio));
  }

  @Test
  void malformedJsonFromSpeechToTextIs502AndNothingIsStored() {
    String recording = ownedRecording();
    twilio.stub(
        TwilioStubs.openAi(TwilioStubs.audioOf(recording))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"text\": \"途中")));

    assertProblem(owner.get(TwilioStubs.transcription(recording)), 502);

    assertThat(storedItem(recording)).isEmpty();
  }

  @Test
  void aTwilioMediaFailureIs502AndSpeechToTextIsNeverAsked() {
    String call = TwilioStubs.sid("CA");
    String recording = TwilioStubs.sid("RE");
    TwilioStubs.seedCall(TENANT, call, "09012370002");
    twilio.recording(recording, call, 20);
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.mediaPath(recording)))
            .willReturn(aResponse().withStatus(500)));

    assertProblem(owner.get(TwilioStubs.transcription(recording)), 502);

    twilio.wiremock.verifyThat(0, TwilioStubs.whisperCalledWith(TwilioStubs.audioOf(recording)));
    assertThat(storedItem(recording)).isEmpty();
  }

  @Test
  void aConnectionResetByTwilioIs502ForRecordingsAndTranscriptions() {
    String recording = TwilioStubs.sid("RE");
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + "/" + recording + ".json"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertProblem(owner.get("/recording/" + recording), 502);
    assertProblem(owner.get(TwilioStubs.transcription(recording)), 502);
    assertThat(storedItem(recording)).isEmpty();
  }

  @Test
  void speechToTextFailingRepeatedlyOpensItsCircuit503AndASuccessLaterClosesIt() {
    String recording = ownedRecording();
    byte[] audio = TwilioStubs.audioOf(recording);
    StubMapping failing =
        twilio.stub(TwilioStubs.openAi(audio).willReturn(aResponse().withStatus(500)));

    Reply reply = owner.get(TwilioStubs.transcription(recording));
    int failures = 0;
    while (reply.status() == 502 && failures < 6) {
      failures++;
      reply = owner.get(TwilioStubs.transcription(recording));
    }
    reply.problem(503);
    assertThat(reply.json().getString("error")).contains("try again");
    assertThat(reply.header("Retry-After")).as("seconds until asking again").isEqualTo("5");
    assertThat(failures).as("502s before the circuit opened").isBetween(3, 4);
    twilio.wiremock.verifyThat(failures, TwilioStubs.whisperCalledWith(audio));
    assertThat(storedItem(recording)).isEmpty();

    twilio.wiremock.removeStubMapping(failing);
    twilio.stub(TwilioStubs.openAi(audio).willReturn(TwilioStubs.transcript("またお願いします。", 2.0)));
    Reply recovered = untilNot503(() -> owner.get(TwilioStubs.transcription(recording)));
    assertThat(recovered.ok().getString("text")).isEqualTo("またお願いします。");
    twilio.wiremock.verifyThat(failures + 1, TwilioStubs.whisperCalledWith(audio));
    assertThat(storedItem(recording).get("text").s()).isEqualTo("またお願いします。");
  }

  /**
   * Successful transcriptions (refresh computes each time) until {@value #WHISPER_WINDOW} in a row
   * succeeded: the breaker is closed and its window holds no failure.
   */
  private void closeWhisperCircuit() {
    String recording = ownedRecording();
    StubMapping ok =
        twilio.stub(
            TwilioStubs.openAi(TwilioStubs.audioOf(recording))
                .willReturn(TwilioStubs.transcript("はい", 2.0)));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int inARow = 0;
    while (inARow < WHISPER_WINDOW) {
      assertThat(System.nanoTime())
          .as("speech-to-text circuit closed in time")
          .isLessThan(deadline);
      int status = owner.get(TwilioStubs.transcription(recording) + "&refresh=true").status();
      if (status == 200) {
        inARow++;
      } else {
        assertThat(status).as("while the circuit is open").isEqualTo(503);
        inARow = 0;
        sleep(500);
      }
    }
    twilio.wiremock.removeStubMapping(ok);
  }

  private static Reply untilNot503(java.util.function.Supplier<Reply> request) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Reply reply = request.get();
    while (reply.status() == 503 && System.nanoTime() < deadline) {
      sleep(500);
      reply = request.get();
    }
    return reply;
  }

  private String ownedRecording() {
    return twilio.ownedRecording(TENANT, "09012370001", 20);
  }

  private static Map<String, AttributeValue> storedItem(String recording) {
    return TwilioStubs.storedTranscript(TENANT, recording);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A problem document (nothing internal in it) that tells people to try again. */
  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.problem(status).getString("error")).contains("try again");
  }
}
