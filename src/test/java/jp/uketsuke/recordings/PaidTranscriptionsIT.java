package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue #14, paid calls are bounded: identical transcriptions in flight pay once, and a tenant's
 * paid transcriptions are rate limited while stored ones stay free. The test server gives {@value
 * #TINY} 2 paid transcriptions per hour (src/test/liberty/rate-limits.xml). The burst test needs
 * the server to run its {@value #CONCURRENT} requests at once (liberty/server.xml:
 * uketsuke.executor.core-threads); a request queued until the shared call ended would, with
 * refresh, pay again.
 */
class PaidTranscriptionsIT {
  private static final String BURST = "rec-paid-burst";
  private static final String TINY = "rl-transcribe-tiny";
  private static final String OTHER = "rl-transcribe-other";
  private static final String OPENAI = TwilioStubs.OPENAI;
  private static final int CONCURRENT = 8;

  private final TwilioStubs twilio = new TwilioStubs();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void concurrentRefreshesOfOneRecordingShareOneOpenAiCallAndAllGetItsTranscript()
      throws Exception {
    String recording = ownedRecording(BURST);
    byte[] audio = TwilioStubs.audioOf(recording);
    twilio.stub(
        TwilioStubs.openAi(audio)
            .willReturn(TwilioStubs.transcript("一度だけ払います。", 4.0).withFixedDelay(1000)));
    Api owner = Api.as(Tokens.person(BURST));

    List<Reply> replies =
        concurrently(owner, "/transcription?recording_sid=" + recording + "&refresh=true");

    for (Reply reply : replies) {
      assertThat(reply.ok().getString("text")).isEqualTo("一度だけ払います。");
    }
    twilio.wiremock.verifyThat(1, TwilioStubs.whisperCalledWith(audio));
    twilio.wiremock.verifyThat(
        1, getRequestedFor(urlPathEqualTo(TwilioStubs.mediaPath(recording))));
    assertThat(TwilioStubs.storedTranscript(BURST, recording).get("text").s())
        .isEqualTo("一度だけ払います。");
  }

  @Test
  void aFirstTranscriptAnotherPodStoredMeanwhileWinsAndIsTheAnswer() throws Exception {
    String recording = ownedRecording(BURST);
    twilio.stub(
        TwilioStubs.openAi(TwilioStubs.audioOf(recording))
            .willReturn(TwilioStubs.transcript("遅い方", 4.0).withFixedDelay(1500)));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Reply> first =
          pool.submit(() -> Api.as(Tokens.person(BURST)).get(TwilioStubs.transcription(recording)));
      // The audio is fetched after the stored transcript was looked for and before OpenAI is asked.
      Eventually.holds(
          Duration.ofSeconds(10),
          () ->
              assertThat(
                      twilio.wiremock.find(
                          getRequestedFor(urlPathEqualTo(TwilioStubs.mediaPath(recording)))))
                  .isNotEmpty());
      RawDynamo.client()
          .putItem(
              b ->
                  b.tableName(RawDynamo.table("transcripts"))
                      .item(
                          Map.of(
                              "client_id", AttributeValue.fromS(BURST),
                              "recording_sid", AttributeValue.fromS(recording),
                              "text", AttributeValue.fromS("先に保存された方"),
                              "segments", AttributeValue.fromS("[]"),
                              "model", AttributeValue.fromS("whisper-1"),
                              "language", AttributeValue.fromS("japanese"),
                              "created_at", AttributeValue.fromS(Timestamps.now()))));

      assertThat(first.get().ok().getString("text")).isEqualTo("先に保存された方");
      assertThat(TwilioStubs.storedTranscript(BURST, recording).get("text").s())
          .isEqualTo("先に保存された方");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void overItsPaidTranscriptionsATenantGets429WithRetryAfterWhileStoredOnesAreStillServed() {
    Api tiny = Api.as(Tokens.person(TINY));
    String first = ownedRecording(TINY);
    twilio.stub(
        TwilioStubs.openAi(TwilioStubs.audioOf(first))
            .willReturn(TwilioStubs.transcript("最初の録音", 4.0)));
    assertThat(tiny.get(TwilioStubs.transcription(first)).ok().getString("text"))
        .isEqualTo("最初の録音");
    tiny.get(TwilioStubs.transcription(first) + "&refresh=true").ok();

    String second = ownedRecording(TINY);
    twilio.stub(
        TwilioStubs.openAi(TwilioStubs.audioOf(second))
            .willReturn(TwilioStubs.transcript("二番目の録音", 4.0)));
    Reply refused = tiny.get(TwilioStubs.transcription(second));

    assertThat(refused.problem(429).getString("error")).contains("transcriptions");
    assertThat(refused.header("Retry-After")).as("Retry-After").matches("[0-9]+");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1800L);
    twilio.wiremock.verifyThat(0, TwilioStubs.whisperCalledWith(TwilioStubs.audioOf(second)));
    twilio.wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo(TwilioStubs.mediaPath(second))));
    assertThat(TwilioStubs.storedTranscript(TINY, second)).isEmpty();
    tiny.get(TwilioStubs.transcription(first) + "&refresh=true").problem(429);

    for (int i = 0; i < 5; i++) {
      assertThat(tiny.get(TwilioStubs.transcription(first)).ok().getString("text"))
          .isEqualTo("最初の録音");
    }
    twilio.wiremock.verifyThat(2, TwilioStubs.whisperCalledWith(TwilioStubs.audioOf(first)));
    String others = ownedRecording(OTHER);
    twilio.stub(
        TwilioStubs.openAi(TwilioStubs.audioOf(others))
            .willReturn(TwilioStubs.transcript("別のテナント", 4.0)));
    Api.as(Tokens.person(OTHER)).get(TwilioStubs.transcription(others)).ok();
  }

  /** Sends the same request from {@value #CONCURRENT} threads at once. */
  private static List<Reply> concurrently(Api api, String path) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.get(path);
                }));
      }
      start.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> future : futures) {
        replies.add(future.get());
      }
      return replies;
    } finally {
      pool.shutdown();
    }
  }

  private String ownedRecording(String tenant) {
    return twilio.ownedRecording(tenant, "09012380001", 10);
  }
}
