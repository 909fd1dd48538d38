package jp.uketsuke.compat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.TwilioJson;
import jp.uketsuke.testing.VoiceServerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's Call Logs page, request by request: {@code GET /phones}, then per phone {@code GET
 * /calls?phone=P&limit=1&order=desc} (recency) and the paged {@code GET
 * /calls?phone=P&from=&to=&limit=&next_token=}, turns grouped by {@code call_sid} (else {@code ts})
 * and sorted with {@code Date.parse(ts)}; deletes; chat logs; a call's recordings, audio and
 * transcript. The log holds turns of both writers: the voice server's own items and the API's.
 */
class ConsoleCallLogsCompatIT {
  private static final Duration SOON = Duration.ofSeconds(5);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final WireMock wiremock = LocalStack.get().wiremock();
  private final List<StubMapping> stubs = new ArrayList<>();

  @AfterEach
  void removeStubs() {
    stubs.forEach(wiremock::removeStubMapping);
  }

  @Test
  void thePageListsEveryCallerAsAStringAndShowsEachCallInTimeOrder() {
    String tenant = "compat-page-logs";
    Instant start = Instant.now().minusSeconds(900);
    VoiceServerLog v1 = new VoiceServerLog(tenant, "09011110001", "CApl1");
    v1.put("user_text", "予約の変更です", start);
    v1.put("assistant_text", "お名前をどうぞ", start.plusMillis(800));
    v1.put("user_text", "田中です", start.plusMillis(2100));
    new VoiceServerLog(tenant, "unknown", "CApl2").put("user_text", "非通知", start.plusSeconds(60));
    new VoiceServerLog(tenant, "09011110001", null)
        .put("user_text", "SIDなし", start.plusSeconds(90));
    Api.as(Tokens.service())
        .header("x-client-id", tenant)
        .post(
            "/call",
            """
            {"phone_number": "03-1111-0002", "user_text": "APIから", "assistant_text": "はい",
             "call_sid": "CApl3"}""")
        .ok();

    Console console = Console.of(tenant);
    List<String> phones =
        Eventually.within(
            SOON,
            () -> {
              List<String> now = Console.phones(console.api.get("/phones").ok());
              assertThat(now).containsExactlyInAnyOrder("09011110001", "unknown", "0311110002");
              return now;
            });

    Map<String, Integer> turnsByPhone = new LinkedHashMap<>();
    for (String phone : phones) {
      String p = Console.encodeURIComponent(phone);
      List<JsonObject> newest =
          Console.calls(console.api.get("/calls?phone=" + p + "&limit=1&order=desc").ok());
      assertThat(newest).hasSize(1);
      Date.parse(newest.get(0).getString("ts"));

      List<JsonObject> all = new ArrayList<>();
      String token = "";
      do {
        JsonObject page =
            console
                .api
                .get("/calls?phone=" + p + "&from=&to=&limit=2&next_token=" + enc(token))
                .ok();
        all.addAll(Console.calls(page));
        token = Console.nextToken(page);
      } while (token != null);
      // The page sorts by Date.parse itself; the recency probe's turn is the newest of them.
      all.sort(Comparator.comparing(t -> Date.parse(t.getString("ts"))));
      assertThat(newest.get(0)).isEqualTo(all.get(all.size() - 1));
      turnsByPhone.put(phone, all.size());
      groupedAsTheConsoleDoes(all);
    }
    assertThat(turnsByPhone)
        .containsEntry("09011110001", 4)
        .containsEntry("unknown", 1)
        .containsEntry("0311110002", 1);
  }

  @Test
  void deletingATurnAndACallFromThePageWorksOnTheVoiceServersItems() {
    String tenant = "compat-page-delete";
    Instant start = Instant.now().minusSeconds(300);
    VoiceServerLog call = new VoiceServerLog(tenant, "09011120001", "CApd1");
    String first = call.put("user_text", "一つ目", start);
    call.put("assistant_text", "二つ目", start.plusSeconds(1));
    new VoiceServerLog(tenant, "09011120002", "CApd2").put("user_text", "別の方", start);
    Console console = Console.of(tenant);
    Eventually.holds(
        SOON, () -> assertThat(Console.phones(console.api.get("/phones").ok())).hasSize(2));

    console.api.delete("/call?phone=09011120001&ts=" + enc(first)).ok();
    assertThat(Console.error(console.api.delete("/call?phone=09011120001&ts=" + enc(first))))
        .isNotBlank();
    assertThat(console.api.delete("/call?call_sid=CApd2").ok().getInt("deleted")).isEqualTo(1);
    JsonObject phones = console.api.get("/phones").ok();
    assertThat(Console.phones(phones)).containsExactly("09011120001");
    assertThat(phones.getJsonArray("directory").getJsonObject(0).getInt("turns")).isEqualTo(1);
  }

  @Test
  void aVoiceServerCallsRecordingsAudioAndTranscriptOpenFromThePage() {
    String tenant = "compat-page-rec";
    String call = "CA" + UUID.randomUUID().toString().replace("-", "");
    String recording = "RE" + UUID.randomUUID().toString().replace("-", "");
    new VoiceServerLog(tenant, "09011130001", call).caller("録音のある電話");
    byte[] audio = "ID3-compat-audio".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    stub(
        get(urlPathEqualTo(TwilioJson.RECORDINGS + ".json"))
            .withQueryParam("CallSid", equalTo(call))
            .willReturn(okJson(TwilioJson.page(TwilioJson.recording(recording, call, 7), null))));
    stub(
        get(urlPathEqualTo(TwilioJson.RECORDINGS + "/" + recording + ".json"))
            .willReturn(okJson(TwilioJson.recording(recording, call, 7))));
    stub(
        get(urlPathEqualTo(TwilioJson.RECORDINGS + "/" + recording + ".mp3"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Length", String.valueOf(audio.length))
                    .withBody(audio)));
    stub(
        post(urlPathEqualTo("/v1/audio/transcriptions"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("ID3-compat-audio"))
            .willReturn(
                okJson(
                    """
                    {"task": "transcribe", "language": "japanese", "duration": 7.0,
                     "text": "録音のある電話です", "segments": []}""")));
    Console console = Console.of(tenant);

    List<JsonObject> recordings =
        console
            .api
            .get("/recordings?call_sid=" + call)
            .ok()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(recordings).extracting(r -> r.getString("sid")).containsExactly(recording);
    HttpResponse<byte[]> mp3 = fetch(tenant, "/recording/" + recording + "?format=mp3");
    assertThat(mp3.statusCode()).isEqualTo(200);
    assertThat(mp3.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(mp3.body()).isEqualTo(audio);
    assertThat(console.api.get("/transcription?recording_sid=" + recording).ok().getString("text"))
        .isEqualTo("録音のある電話です");
    assertThat(console.api.get("/chat-logs?limit=100&minutes=60").ok().getJsonArray("items"))
        .isNotNull();

    Console other = Console.of("compat-page-rec-other");
    assertThat(Console.error(other.api.get("/recordings?call_sid=" + call))).isNotBlank();
    assertThat(Console.error(other.api.get("/transcription?recording_sid=" + recording)))
        .isNotBlank();
  }

  @Test
  void badInputOnThePageGetsAnErrorTheConsoleShows() {
    Console console = Console.of("compat-page-errors");
    assertThat(Console.error(console.api.get("/calls?phone=0311112222&limit=abc"))).isNotBlank();
    assertThat(Console.error(console.api.get("/calls?phone=0311112222&from=yesterday")))
        .isNotBlank();
    assertThat(Console.error(console.api.get("/calls?next_token=not-a-token"))).isNotBlank();
    assertThat(Console.error(console.api.delete("/call?call_sid=CAnothing"))).isNotBlank();
  }

  /** Group by call_sid, else by ts, as the page does before rendering a call per group. */
  private static void groupedAsTheConsoleDoes(List<JsonObject> turns) {
    Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
    turns.forEach(
        t ->
            groups
                .computeIfAbsent(t.getString("call_sid", t.getString("ts")), k -> new ArrayList<>())
                .add(t));
    groups.values().forEach(g -> assertThat(g).allMatch(t -> t.containsKey("phone_number")));
  }

  private void stub(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
    stubs.add(wiremock.register(mapping));
  }

  private static HttpResponse<byte[]> fetch(String tenant, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
              .header("Authorization", "Bearer " + Tokens.person(tenant))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String enc(String value) {
    return Console.encodeURIComponent(value);
  }

  /** JavaScript's {@code Date.parse} of the ISO forms the service answers (fails on others). */
  private static final class Date {
    static long parse(String ts) {
      return OffsetDateTime.parse(ts).toInstant().toEpochMilli();
    }
  }
}
