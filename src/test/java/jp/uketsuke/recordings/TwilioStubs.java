package jp.uketsuke.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * WireMock playing Twilio for one test: unique SIDs, stubs removed afterwards (every IT shares the
 * one WireMock), and call logs seeded through the API so ownership is the real rule.
 */
final class TwilioStubs implements AutoCloseable {
  static final String ACCOUNT = "ACwiremocktest";
  static final String RECORDINGS = "/2010-04-01/Accounts/" + ACCOUNT + "/Recordings";

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
                    .withBody(recordingJson(recordingSid, callSid, duration))));
  }

  static String recordingJson(String recordingSid, String callSid, int duration) {
    return """
        {"account_sid": "%s", "api_version": "2010-04-01", "call_sid": "%s",
         "conference_sid": null, "date_created": "Wed, 01 Oct 2025 12:34:56 +0000",
         "date_updated": "Wed, 01 Oct 2025 12:35:11 +0000",
         "start_time": "Wed, 01 Oct 2025 12:34:40 +0000", "duration": "%d", "sid": "%s",
         "price": "-0.0025", "price_unit": "USD", "status": "completed", "channels": 1,
         "source": "RecordVerb", "error_code": null, "encryption_details": null,
         "uri": "%s/%s.json", "subresource_uris": {},
         "media_url": "https://api.twilio.com%s/%s"}"""
        .formatted(
            ACCOUNT,
            callSid,
            duration,
            recordingSid,
            RECORDINGS,
            recordingSid,
            RECORDINGS,
            recordingSid);
  }

  @Override
  public void close() {
    stubs.forEach(wiremock::removeStubMapping);
  }
}
