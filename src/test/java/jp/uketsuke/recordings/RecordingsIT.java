package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.TwilioJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /recordings}: Twilio's recordings of the tenant's own calls, all pages. */
class RecordingsIT {
  private static final String TENANT = "rec-list-a";
  private static final String OTHER = "rec-list-b";

  private final TwilioStubs twilio = new TwilioStubs();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void listsEveryPageOfTheCallsRecordingsWithTheirMediaFormat() {
    String call = TwilioStubs.sid("CA");
    String first = TwilioStubs.sid("RE");
    String second = TwilioStubs.sid("RE");
    TwilioStubs.seedCall(TENANT, call, "09012340001");
    String nextUri = TwilioStubs.RECORDINGS + ".json?CallSid=" + call + "&PageSize=1&Page=1";
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(call))
            .withQueryParam("Page", absent())
            .willReturn(page(TwilioJson.recording(first, call, 15), nextUri)));
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(call))
            .withQueryParam("Page", equalTo("1"))
            .willReturn(page(TwilioJson.recording(second, call, 42), null)));

    JsonObject listing = Api.as(Tokens.person(TENANT)).get("/recordings?call_sid=" + call).ok();

    List<JsonObject> items = listing.getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(items).extracting(i -> i.getString("sid")).containsExactly(first, second);
    assertThat(items.get(1).getInt("duration")).isEqualTo(42);
    assertThat(items.get(0).getString("date_created")).isEqualTo("2025-10-01T12:34:56+00:00");
    assertThat(items).extracting(i -> i.getString("media_format")).containsOnly("wav");
  }

  @Test
  void aCallOutsideTheTenantsLogsIs404AndTwilioIsNeverAsked() {
    String call = TwilioStubs.sid("CA");
    TwilioStubs.seedCall(TENANT, call, "09012340002");

    Api.as(Tokens.person(OTHER)).get("/recordings?call_sid=" + call).problem(404);
    Api.as(Tokens.person(OTHER)).get("/recordings?call_sid=" + TwilioStubs.sid("CA")).problem(404);

    twilio.wiremock.verifyThat(
        0,
        getRequestedFor(urlPathMatching(".*/Recordings\\.json"))
            .withQueryParam("CallSid", equalTo(call)));
  }

  @Test
  void theVoiceServerMayListItsTenantsRecordings() {
    String call = TwilioStubs.sid("CA");
    TwilioStubs.seedCall(TENANT, call, "09012340003");
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(call))
            .willReturn(page("", null)));

    JsonObject listing =
        Api.as(Tokens.service())
            .header("x-client-id", TENANT)
            .get("/recordings?callSid=" + call)
            .ok();
    assertThat(listing.getJsonArray("items")).isEmpty();
  }

  @Test
  void aMissingCallSidIs400NoTokenIs401AndAnotherTenantsHeaderIs403() {
    assertThat(Api.as(Tokens.person(TENANT)).get("/recordings").problem(400).getString("error"))
        .contains("call_sid");
    assertThat(
            Api.as(Tokens.person(TENANT)).get("/recordings?call_sid=a%20b").problem(400).toString())
        .contains("call_sid");
    Api.anonymous().get("/recordings?call_sid=CA1").problem(401);
    Api.as(Tokens.service()).get("/recordings?call_sid=CA1").problem(401);
    Api.as(Tokens.person(TENANT))
        .header("x-client-id", OTHER)
        .get("/recordings?call_sid=CA1")
        .problem(403);
  }

  @Test
  void aTwilioFailureWhileListingIs502() {
    String call = TwilioStubs.sid("CA");
    TwilioStubs.seedCall(TENANT, call, "09012340004");
    twilio.stub(
        get(urlPathEqualTo(TwilioStubs.RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(call))
            .willReturn(aResponse().withStatus(500).withBody("{\"status\": 500}")));

    Api.as(Tokens.person(TENANT)).get("/recordings?call_sid=" + call).problem(502);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(
      String recordings, String nextPageUri) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(TwilioJson.page(recordings, nextPageUri));
  }
}
