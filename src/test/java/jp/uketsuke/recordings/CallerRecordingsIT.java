package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.TwilioJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code recordings} of {@code GET /callers/{phone}}: whether Twilio holds a recording of one of
 * the caller's calls of this tenant, asked newest call first; Twilio trouble never fails the
 * timeline.
 */
class CallerRecordingsIT {
  private final TwilioStubs twilio = new TwilioStubs();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void trueWhenOneOfTheCallersCallsWasRecorded() {
    String tenant = "caller-rec-yes";
    String older = TwilioStubs.sid("CA");
    String newer = TwilioStubs.sid("CA");
    TwilioStubs.seedCall(tenant, older, "09077770001");
    TwilioStubs.seedCall(tenant, newer, "09077770001");
    answers(newer, "");
    answers(older, TwilioJson.recording(TwilioStubs.sid("RE"), older, 12));

    JsonObject timeline = Api.as(Tokens.person(tenant)).get("/callers/09077770001").ok();

    assertThat(timeline.getBoolean("recordings")).isTrue();
    twilio.wiremock.verifyThat(1, probeOf(newer));
    twilio.wiremock.verifyThat(1, probeOf(older));
  }

  @Test
  void falseWhenNoneOfTheCallersCallsWasRecorded() {
    String tenant = "caller-rec-no";
    String call = TwilioStubs.sid("CA");
    TwilioStubs.seedCall(tenant, call, "09077770002");
    answers(call, "");

    JsonObject timeline = Api.as(Tokens.person(tenant)).get("/callers/09077770002").ok();

    assertThat(timeline.getBoolean("recordings")).isFalse();
    twilio.wiremock.verifyThat(1, probeOf(call));
  }

  @Test
  void unknownButStillATimelineWhenTwilioFails() {
    String tenant = "caller-rec-fail";
    String call = TwilioStubs.sid("CA");
    TwilioStubs.seedCall(tenant, call, "09077770003");
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(call))
            .willReturn(aResponse().withStatus(500).withBody("{\"message\": \"boom\"}")));

    JsonObject timeline = Api.as(Tokens.person(tenant)).get("/callers/09077770003").ok();

    assertThat(timeline.isNull("recordings")).isTrue();
    assertThat(timeline.getJsonArray("sessions")).hasSize(1);
  }

  @Test
  void anotherTenantAskingForTheSamePhoneSeesNothingAndTwilioIsNotAskedAboutItsCalls() {
    String call = TwilioStubs.sid("CA");
    TwilioStubs.seedCall("caller-rec-owner", call, "09077770004");
    answers(call, TwilioJson.recording(TwilioStubs.sid("RE"), call, 5));

    JsonObject foreign = Api.as(Tokens.person("caller-rec-other")).get("/callers/09077770004").ok();

    assertThat(foreign.getJsonArray("sessions")).isEmpty();
    assertThat(foreign.getBoolean("recordings")).isFalse();
    twilio.wiremock.verifyThat(0, probeOf(call));
  }

  @Test
  void aCallSidAnotherTenantLoggedTooTellsNothingAboutItsRecordings() {
    String call = TwilioStubs.sid("CA");
    TwilioStubs.seedCall("caller-rec-first", call, "09077770005");
    // The other tenant's voice server writes a turn under that SID straight into the table (the
    // API refuses it: CallSidClaimIT).
    new jp.uketsuke.testing.VoiceServerLog("caller-rec-claimer", "09077770005", call)
        .caller("もしもし");
    answers(call, TwilioJson.recording(TwilioStubs.sid("RE"), call, 5));

    JsonObject claimer =
        Api.as(Tokens.person("caller-rec-claimer")).get("/callers/09077770005").ok();

    assertThat(claimer.getJsonArray("sessions")).hasSize(1);
    assertThat(claimer.getBoolean("recordings")).isFalse();
    twilio.wiremock.verifyThat(0, probeOf(call));
  }

  private void answers(String callSid, String recordings) {
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(callSid))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(TwilioJson.page(recordings, null))));
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder probeOf(
      String callSid) {
    return getRequestedFor(urlPathEqualTo(TwilioStubs.RECORDINGS + ".json"))
        .withQueryParam("CallSid", equalTo(callSid));
  }
}
