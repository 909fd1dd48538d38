package jp.uketsuke.security;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static jp.uketsuke.security.TenantSeed.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Any tenant may log a turn under any call SID, so logging one must not make another tenant's
 * recordings yours. A call SID two tenants logged belongs to neither: the recordings are withheld
 * from both (the rightful owner loses them until the other tenant's turn is deleted), rather than
 * handed to whoever learnt the SID.
 */
class CallSidClaimIT {
  private final TwilioFake twilio = new TwilioFake();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void loggingAnotherTenantsCallSidDoesNotClaimItsRecordings() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String call = "CA" + UUID.randomUUID().toString().replace("-", "");
    String recording = "RE" + UUID.randomUUID().toString().replace("-", "");
    twilio.recording(recording, call, new byte[] {7, 7, 7});
    Api a = Api.as(Tokens.person("claim-a-" + run));
    Api b = Api.as(Tokens.person("claim-b-" + run));
    a.post("/call", json("phone_number", "09011110000", "call_sid", call, "user_text", "A")).ok();
    assertThat(a.get("/recordings?call_sid=" + call).ok().toString()).contains(recording);

    b.post("/call", json("phone_number", "09022220000", "call_sid", call, "user_text", "B")).ok();

    b.get("/recordings?call_sid=" + call).problem(404);
    b.get("/recording/" + recording).problem(404);
    b.get("/transcription?recording_sid=" + recording).problem(404);
    a.get("/recordings?call_sid=" + call).problem(404);
    twilio.wiremock.verifyThat(
        0, getRequestedFor(urlPathMatching(".*/Recordings/" + recording + "\\.(mp3|wav)")));
    twilio.wiremock.verifyThat(
        1,
        getRequestedFor(urlPathEqualTo(TwilioFake.RECORDINGS + ".json"))
            .withQueryParam(
                "CallSid", com.github.tomakehurst.wiremock.client.WireMock.equalTo(call)));

    b.delete("/call?call_sid=" + call).ok();
    assertThat(a.get("/recordings?call_sid=" + call).ok().toString()).contains(recording);
  }
}
