package jp.uketsuke.security;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static jp.uketsuke.security.TenantSeed.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.VoiceServerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call SID belongs to the first tenant whose turn carried it. Another tenant's turn with that SID
 * is refused (409) on every route that logs one, and turns others write straight into the table
 * (the voice server writes {@code app-logs} itself) do not take it away; knowing a SID never gives
 * another tenant its recordings. A SID nobody claimed (logged only straight into the table) belongs
 * to the one tenant that logged it, and to nobody when two did.
 */
class CallSidClaimIT {
  private final TwilioFake twilio = new TwilioFake();

  @AfterEach
  void removeStubs() {
    twilio.close();
  }

  @Test
  void theFirstTenantKeepsItsCallSidAndAnotherTenantsTurnsCannotTakeIt() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String call = "CA" + UUID.randomUUID().toString().replace("-", "");
    String recording = "RE" + UUID.randomUUID().toString().replace("-", "");
    twilio.recording(recording, call, new byte[] {7, 7, 7});
    String tenantB = "claim-b-" + run;
    Api a = Api.as(Tokens.person("claim-a-" + run));
    Api b = Api.as(Tokens.person(tenantB));
    a.post("/call", json("phone_number", "09011110000", "call_sid", call, "user_text", "A")).ok();
    assertThat(a.get("/recordings?call_sid=" + call).ok().toString()).contains(recording);

    b.post("/call", json("phone_number", "09022220000", "call_sid", call, "user_text", "B"))
        .problem(409);
    b.post("/chat", json("phone_number", "09022220000", "call_sid", call, "user_text", "B"))
        .problem(409);
    // B's voice server writes its own turn under A's SID straight into the table.
    new VoiceServerLog(tenantB, "09022220000", call).caller("B");

    assertThat(a.get("/recordings?call_sid=" + call).ok().toString()).contains(recording);
    b.get("/recordings?call_sid=" + call).problem(404);
    b.get("/recording/" + recording).problem(404);
    b.get("/transcription?recording_sid=" + recording).problem(404);
    twilio.wiremock.verifyThat(
        0, getRequestedFor(urlPathMatching(".*/Recordings/" + recording + "\\.(mp3|wav)")));
  }

  @Test
  void aCallSidTwoTenantsLoggedOnlyStraightIntoTheTableBelongsToNeither() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String call = "CA" + UUID.randomUUID().toString().replace("-", "");
    String recording = "RE" + UUID.randomUUID().toString().replace("-", "");
    twilio.recording(recording, call, new byte[] {7, 7, 7});
    for (String tenant : new String[] {"claim-c-" + run, "claim-d-" + run}) {
      new VoiceServerLog(tenant, "09033330000", call).caller(tenant);
    }
    Api.as(Tokens.person("claim-c-" + run)).get("/recordings?call_sid=" + call).problem(404);
    Api.as(Tokens.person("claim-d-" + run)).get("/recordings?call_sid=" + call).problem(404);
  }
}
