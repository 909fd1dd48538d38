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
import jp.uketsuke.testing.TwilioJson;

/** WireMock answering as Twilio for one recording of one call; stubs removed on close. */
final class TwilioFake implements AutoCloseable {
  static final String RECORDINGS = TwilioJson.RECORDINGS;

  final WireMock wiremock = LocalStack.get().wiremock();
  private final List<StubMapping> stubs = new ArrayList<>();

  void recording(String recordingSid, String callSid, byte[] audio) {
    String json = TwilioJson.recording(recordingSid, callSid, 30);
    stub(get(urlPathEqualTo(RECORDINGS + "/" + recordingSid + ".json")).willReturn(okJson(json)));
    stub(
        get(urlPathEqualTo(RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(callSid))
            .willReturn(okJson(TwilioJson.page(json, null))));
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

  @Override
  public void close() {
    stubs.forEach(wiremock::removeStubMapping);
  }
}
