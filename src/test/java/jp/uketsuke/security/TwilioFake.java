package jp.uketsuke.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import jp.uketsuke.testing.LocalStack;

/** WireMock answering as Twilio for one recording of one call; stubs removed on close. */
final class TwilioFake implements AutoCloseable {
  /** The account the build configures for the service (pom: uketsuke.twilio.account-sid). */
  static final String RECORDINGS = "/2010-04-01/Accounts/ACwiremocktest/Recordings";

  final WireMock wiremock = LocalStack.get().wiremock();
  private final List<StubMapping> stubs = new ArrayList<>();

  void recording(String recordingSid, String callSid, byte[] audio) {
    String json = recordingJson(recordingSid, callSid);
    stub(get(urlPathEqualTo(RECORDINGS + "/" + recordingSid + ".json")).willReturn(okJson(json)));
    stub(
        get(urlPathEqualTo(RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(callSid))
            .willReturn(
                okJson(
                    "{\"recordings\": ["
                        + json
                        + "], \"page\": 0, \"page_size\": 50, \"first_page_uri\": null,"
                        + " \"next_page_uri\": null, \"previous_page_uri\": null, \"uri\": \""
                        + RECORDINGS
                        + ".json\"}")));
    for (String extension : List.of("mp3", "wav")) {
      stub(
          get(urlPathEqualTo(RECORDINGS + "/" + recordingSid + "." + extension))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Length", String.valueOf(audio.length))
                      .withBody(audio)));
    }
  }

  private void stub(MappingBuilder mapping) {
    stubs.add(wiremock.register(mapping));
  }

  private static String recordingJson(String recordingSid, String callSid) {
    return """
        {"account_sid": "ACwiremocktest", "api_version": "2010-04-01", "call_sid": "%s",
         "conference_sid": null, "date_created": "Wed, 01 Oct 2025 12:34:56 +0000",
         "date_updated": "Wed, 01 Oct 2025 12:35:11 +0000",
         "start_time": "Wed, 01 Oct 2025 12:34:40 +0000", "duration": "30", "sid": "%s",
         "price": "-0.0025", "price_unit": "USD", "status": "completed", "channels": 1,
         "source": "RecordVerb", "error_code": null, "encryption_details": null,
         "uri": "%s/%s.json", "subresource_uris": {},
         "media_url": "https://api.twilio.com%s/%s"}"""
        .formatted(callSid, recordingSid, RECORDINGS, recordingSid, RECORDINGS, recordingSid);
  }

  @Override
  public void close() {
    stubs.forEach(wiremock::removeStubMapping);
  }
}
