package jp.uketsuke.faq;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static jp.uketsuke.faq.FaqData.answerBody;
import static jp.uketsuke.faq.FaqData.body;
import static jp.uketsuke.faq.FaqData.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import jp.uketsuke.testing.VoiceServerLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hybrid retrieval against WireMock playing the embeddings endpoint, with deterministic vectors:
 * the entry about parking lies along the axis of the question about leaving an automobile, which
 * shares no word with it, so only its vector can bring it into the top k. Vectors are computed
 * after writes and imports (one batched request), stored apart from the FAQ, never shown, metered,
 * kept per tenant; with the endpoint down a write still succeeds and the vector follows later.
 */
class FaqHybridIT {
  private static final String ENDPOINT = "/v1/embeddings";
  private static final String MODEL = "text-embedding-3-small";
  private static final Duration VECTORS_USED_WITHIN = Duration.ofSeconds(40);

  /** In question order (the order the store reads and so the order of a batch), with its axis. */
  private static final String CARD = "Can I pay by card?";

  private static final String PARKING = "Do you have parking?";
  private static final String WIFI = "Is there wifi?";
  private static final String HOURS = "When are you open?";

  private final WireMock wm = LocalStack.get().wiremock();
  private final List<StubMapping> stubs = new ArrayList<>();

  @AfterEach
  void removeStubs() {
    stubs.forEach(wm::removeStubMapping);
  }

  @Test
  void importedFaqsGetVectorsInOneBatchAndAQuestionFindsTheEntryItSharesNoWordWith() {
    String tag = "hyb-import";
    Api owner = Api.as(Tokens.person("faq-hybrid-import"));
    String question = "Where should I leave my automobile";
    List<String[]> faqs = faqs(tag);
    stub(documents(faqs), vectors(faqs.size()), 40);
    stub(query(question), List.of(axis(1)), 3);

    JsonObject report = importJson(owner, faqs);
    assertThat(report.getInt("created")).isEqualTo(4);

    Eventually.holds(
        VECTORS_USED_WITHIN,
        () -> assertThat(top(owner, question, 2)).containsExactly(CARD, PARKING));
    List<JsonObject> hits = search(owner, question, 2);
    assertThat(hits.get(1).getJsonNumber("score").doubleValue()).isZero();
    assertThat(hits.get(1).getJsonNumber("confidence").doubleValue()).isZero();

    wm.verifyThat(
        1,
        postRequestedFor(urlPathEqualTo(ENDPOINT))
            .withRequestBody(documents(faqs))
            .withRequestBody(matchingJsonPath("$.encoding_format", equalTo("float")))
            .withRequestBody(notContaining("dimensions"))); // unset: not sent, not null
    Map<String, AttributeValue> stored = storedVector("faq-hybrid-import", PARKING);
    assertThat(stored.get("vector").b().asByteArray()).hasSize(4 * Float.BYTES);
    assertThat(stored.get("model").s()).isEqualTo(MODEL);
    assertThat(stored.get("text_hash").s()).hasSize(32);

    for (JsonObject item :
        owner.get("/faqs").ok().getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertThat(item.keySet())
          .containsExactlyInAnyOrder("question", "answer", "created_at", "updated_at");
    }
    assertThat(owner.get(path(PARKING)).ok().getJsonObject("item").keySet())
        .containsExactlyInAnyOrder("question", "answer", "created_at", "updated_at");

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonObject day =
        owner
            .get("/usage?from=" + today + "&to=" + today)
            .ok()
            .getJsonArray("items")
            .getJsonObject(0);
    long tokens = day.getJsonNumber("embedding_tokens").longValue();
    assertThat(tokens).as("40 for the entries, 3 per embedded question").isGreaterThan(40);
    assertThat((tokens - 40) % 3).isZero();
  }

  @Test
  void aWrittenFaqGetsItsVectorAChangedAnswerANewOneAndAnotherTenantNeverUsesThem() {
    String tag = "hyb-write";
    Api owner = Api.as(Tokens.person("faq-hybrid-write"));
    String question = "Where should I leave my car tonight";
    List<String[]> faqs = faqs(tag);
    List<String[]> withoutParking = faqs.stream().filter(f -> !f[0].equals(PARKING)).toList();
    stub(documents(withoutParking), List.of(axis(0), axis(2), axis(3)), 30);
    stub(query(question), List.of(axis(1)), 3);
    importJson(owner, withoutParking);
    Eventually.holds(
        VECTORS_USED_WITHIN, () -> assertThat(storedVector("faq-hybrid-write", CARD)).isNotNull());

    String[] parking = faqs.get(1);
    stub(documents(List.<String[]>of(parking)), List.of(axis(1)), 10);
    owner.post("/faq", body(parking[0], parking[1])).ok();
    Eventually.holds(
        VECTORS_USED_WITHIN,
        () -> assertThat(top(owner, question, 2)).containsExactly(CARD, PARKING));
    String firstHash = storedVector("faq-hybrid-write", PARKING).get("text_hash").s();

    String[] changed = {PARKING, "Yes, behind the shop. (" + tag + ")"};
    stub(documents(List.<String[]>of(changed)), List.of(axis(1)), 10);
    owner.put(path(PARKING), answerBody(changed[1])).ok();
    Eventually.holds(
        VECTORS_USED_WITHIN,
        () -> {
          wm.verifyThat(
              1,
              postRequestedFor(urlPathEqualTo(ENDPOINT))
                  .withRequestBody(documents(List.<String[]>of(changed))));
          assertThat(storedVector("faq-hybrid-write", PARKING).get("text_hash").s())
              .isNotEqualTo(firstHash);
        });

    // Another tenant with the very same texts (and one more, so its batch is not stubbed): it gets
    // no vectors, and the first tenant's are never used for it.
    Api other = Api.as(Tokens.person("faq-hybrid-other"));
    List<String[]> same = new ArrayList<>(faqs);
    same.set(1, changed);
    same.add(new String[] {"Do you sell gift cards?", "At the counter. (" + tag + ")"});
    importJson(other, same);
    Eventually.holds(
        VECTORS_USED_WITHIN,
        () -> assertThat(top(owner, question, 2)).containsExactly(CARD, PARKING));
    for (int i = 0; i < 5; i++) {
      assertThat(top(other, question, 2)).containsExactly(CARD);
      sleep(500);
    }
    assertThat(storedVector("faq-hybrid-other", CARD)).isNull();
  }

  @Test
  void withTheEndpointDownAWriteSucceedsSearchStaysLexicalAndTheVectorFollowsLater() {
    String tag = "hyb-down";
    Api owner = Api.as(Tokens.person("faq-hybrid-down"));
    String question = "Where should I leave my van";
    List<String[]> faqs = faqs(tag);
    StubMapping down =
        wm.register(
            post(urlPathEqualTo(ENDPOINT))
                .withRequestBody(containing(tag))
                .willReturn(aResponse().withStatus(503)));

    JsonObject report = importJson(owner, faqs);
    assertThat(report.getInt("created")).isEqualTo(4);
    Eventually.holds(
        VECTORS_USED_WITHIN,
        () ->
            wm.verifyThat(
                postRequestedFor(urlPathEqualTo(ENDPOINT)).withRequestBody(containing(tag))));
    for (int i = 0; i < 5; i++) {
      assertThat(top(owner, question, 2)).containsExactly(CARD);
      sleep(500);
    }
    assertThat(storedVector("faq-hybrid-down", CARD)).isNull();

    wm.removeStubMapping(down);
    stub(documents(faqs), vectors(faqs.size()), 40);
    stub(query(question), List.of(axis(1)), 3);
    Eventually.holds(
        VECTORS_USED_WITHIN,
        () -> assertThat(top(owner, question, 2)).containsExactly(CARD, PARKING));
  }

  /**
   * {@code /faqs/gaps} judges each distinct wording as an offline answer would, which with vectors
   * means embedding it: the wordings go to the endpoint in batches, not one call each (a tenant's
   * thousand wordings would otherwise be a thousand calls). A wording no FAQ could answer (no entry
   * reaches the threshold's confidence for it, and a fused ranking's confidence is lexical) is not
   * embedded at all: it is a gap whatever the vectors say. The test server ranks at most 10
   * wordings (src/test/liberty/gaps.xml): the 3 newest here no FAQ could answer, so the next 7 make
   * one request of 7 inputs.
   */
  @Test
  void gapsEmbedTheWordingsItJudgesInBatchesNotOneCallEachAndNoneThatNoFaqCouldAnswer() {
    String tag = "hyb-gaps";
    String tenant = "faq-hybrid-gaps";
    Api owner = Api.as(Tokens.person(tenant));
    String question = "Where could I put my automobile";
    List<String[]> faqs = faqs(tag);
    stub(documents(faqs), vectors(faqs.size()), 40);
    stub(query(question), List.of(axis(1)), 3);
    importJson(owner, faqs);
    Eventually.holds(
        VECTORS_USED_WITHIN,
        () -> assertThat(top(owner, question, 2)).containsExactly(CARD, PARKING));

    VoiceServerLog log = new VoiceServerLog(tenant, "09011117777", null);
    java.time.Instant now = java.time.Instant.now();
    String answerable = "Do you have parking " + tag; // every word in the parking entry
    for (int i = 0; i < 12; i++) {
      log.put("user_text", answerable + "!".repeat(i + 1), now.minusSeconds(100 - i));
    }
    for (int i = 0; i < 3; i++) {
      log.put("user_text", "Gap question " + tag + " number " + i, now.minusSeconds(50 - i));
    }
    List<float[]> sevenVectors = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      sevenVectors.add(axis(i % 4));
    }
    com.github.tomakehurst.wiremock.matching.StringValuePattern sevenWordings =
        matchingJsonPath("$.input[?(@ =~ /" + answerable + ".*/)]");
    stubs.add(
        wm.register(
            post(urlPathEqualTo(ENDPOINT))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.length()", equalTo("7")))
                .withRequestBody(sevenWordings)
                .willReturn(okJson(embeddings(sevenVectors, 30)))));

    JsonObject page = owner.get("/faqs/gaps?days=1").ok();

    assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class))
        .as(page.toString())
        .extracting(item -> item.getString("question"))
        .anySatisfy(asked -> assertThat(asked).startsWith("Gap question " + tag));
    wm.verifyThat(
        1, postRequestedFor(urlPathEqualTo(ENDPOINT)).withRequestBody(containing(answerable)));
    wm.verifyThat(
        1,
        postRequestedFor(urlPathEqualTo(ENDPOINT))
            .withRequestBody(sevenWordings)
            .withRequestBody(matchingJsonPath("$.input.length()", equalTo("7"))));
    wm.verifyThat(
        0,
        postRequestedFor(urlPathEqualTo(ENDPOINT))
            .withRequestBody(containing("Gap question " + tag)));
  }

  private static List<String[]> faqs(String tag) {
    return List.of(
        new String[] {CARD, "Visa and Mastercard. (" + tag + ")"},
        new String[] {PARKING, "Yes, ten spaces. (" + tag + ")"},
        new String[] {WIFI, "Free wifi for guests. (" + tag + ")"},
        new String[] {HOURS, "From nine to six. (" + tag + ")"});
  }

  /** The n-th entry along axis n. */
  private static List<float[]> vectors(int n) {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      vectors.add(axis(i));
    }
    return vectors;
  }

  private static float[] axis(int i) {
    float[] vector = new float[4];
    vector[i] = 1;
    return vector;
  }

  /** A request embedding exactly these entries, in this order, with the default model. */
  private static com.github.tomakehurst.wiremock.matching.StringValuePattern documents(
      List<String[]> faqs) {
    JsonArrayBuilder input = Json.createArrayBuilder();
    faqs.forEach(f -> input.add(f[0] + "\n" + f[1]));
    return matchingJsonPath("$.input", equalToJson(input.build().toString()));
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern query(String text) {
    return matchingJsonPath(
        "$.input", equalToJson(Json.createArrayBuilder().add(text).build().toString()));
  }

  private void stub(
      com.github.tomakehurst.wiremock.matching.StringValuePattern input,
      List<float[]> vectors,
      int tokens) {
    String response = embeddings(vectors, tokens);
    stubs.add(
        wm.register(
            post(urlPathEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MODEL)))
                .withRequestBody(input)
                .willReturn(okJson(response))));
  }

  /** The endpoint's answer: these vectors in order, with the tokens it counted. */
  private static String embeddings(List<float[]> vectors, int tokens) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (int i = 0; i < vectors.size(); i++) {
      JsonArrayBuilder embedding = Json.createArrayBuilder();
      for (float f : vectors.get(i)) {
        embedding.add(f);
      }
      data.add(
          Json.createObjectBuilder()
              .add("object", "embedding")
              .add("index", i)
              .add("embedding", embedding));
    }
    return Json.createObjectBuilder()
        .add("object", "list")
        .add("data", data)
        .add("model", MODEL)
        .add(
            "usage",
            Json.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens))
        .build()
        .toString();
  }

  private static Map<String, AttributeValue> storedVector(String tenant, String question) {
    Map<String, AttributeValue> item =
        RawDynamo.client()
            .getItem(
                b ->
                    b.tableName(RawDynamo.table("faqVectors"))
                        .key(FaqStore.key(tenant, question))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static List<String> top(Api api, String text, int k) {
    return search(api, text, k).stream().map(i -> i.getString("question")).toList();
  }

  private static List<JsonObject> search(Api api, String text, int k) {
    return api.get("/faqs/search?k=" + k + "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8))
        .ok()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Imports the FAQs as a JSON file (not a dry run); the import's report. */
  private static JsonObject importJson(Api owner, List<String[]> faqs) {
    return FaqData.importBytes(
            owner,
            "application/json",
            FaqData.jsonArray(faqs).getBytes(StandardCharsets.UTF_8),
            false)
        .ok();
  }
}
