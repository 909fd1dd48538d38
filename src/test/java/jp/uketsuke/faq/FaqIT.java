package jp.uketsuke.faq;

import static jp.uketsuke.faq.FaqData.answerBody;
import static jp.uketsuke.faq.FaqData.body;
import static jp.uketsuke.faq.FaqData.path;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /faq}, {@code GET|PUT|DELETE /faq/{question}}: the contract's shapes and rules. */
class FaqIT {
  private static final String TIMESTAMP =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00";

  @Test
  void aCreatedEntryIsReturnedWithTimestampsAndReadBackByItsQuestion() {
    Api owner = Api.as(Tokens.person("faq-create"));
    JsonObject item = owner.post("/faq", body("営業時間は？", "9時から18時です。")).ok().getJsonObject("item");
    assertThat(item.keySet())
        .containsExactlyInAnyOrder("question", "answer", "created_at", "updated_at");
    assertThat(item.getString("question")).isEqualTo("営業時間は？");
    assertThat(item.getString("answer")).isEqualTo("9時から18時です。");
    assertThat(item.getString("created_at"))
        .matches(TIMESTAMP)
        .isEqualTo(item.getString("updated_at"));

    assertThat(owner.get(path("営業時間は？")).ok().getJsonObject("item")).isEqualTo(item);
    assertThat(owner.get("/faqs").ok().getJsonArray("items")).containsExactly(item);
  }

  @Test
  void creatingAnExistingQuestionIsAConflictAndKeepsTheStoredAnswer() {
    Api owner = Api.as(Tokens.person("faq-conflict"));
    owner.post("/faq", body("駐車場は？", "あります。")).ok();
    owner.post("/faq", body("駐車場は？", "ありません。")).problem(409);
    assertThat(owner.get(path("駐車場は？")).ok().getJsonObject("item").getString("answer"))
        .isEqualTo("あります。");
  }

  @Test
  void anUpdateReplacesTheAnswerKeepsCreatedAtAndMovesUpdatedAt() {
    Api owner = Api.as(Tokens.person("faq-update"));
    JsonObject created = owner.post("/faq", body("定休日は？", "日曜です。")).ok().getJsonObject("item");
    JsonObject updated =
        owner.put(path("定休日は？"), answerBody("日曜と祝日です。")).ok().getJsonObject("item");
    assertThat(updated.getString("answer")).isEqualTo("日曜と祝日です。");
    assertThat(updated.getString("created_at")).isEqualTo(created.getString("created_at"));
    assertThat(updated.getString("updated_at")).isGreaterThan(created.getString("updated_at"));
    assertThat(owner.get(path("定休日は？")).ok().getJsonObject("item")).isEqualTo(updated);
  }

  @Test
  void updatingOrDeletingAMissingQuestionIsNotFoundAndCreatesNothing() {
    Api owner = Api.as(Tokens.person("faq-missing"));
    owner.get(path("ない質問")).problem(404);
    owner.put(path("ない質問"), answerBody("x")).problem(404);
    owner.delete(path("ない質問")).problem(404);
    owner.get(path("あ".repeat(600))).problem(404);
    assertThat(owner.get("/faqs").ok().getJsonArray("items")).isEmpty();
  }

  @Test
  void aDeletedEntryIsGone() {
    Api owner = Api.as(Tokens.person("faq-delete"));
    owner.post("/faq", body("予約は？", "電話で承ります。")).ok();
    JsonObject done = owner.delete(path("予約は？")).ok();
    assertThat(done.keySet()).containsExactly("ok");
    owner.get(path("予約は？")).problem(404);
    owner.delete(path("予約は？")).problem(404);
  }

  /** Bean Validation checks every field, so one answer names all that is wrong, in field order. */
  @Test
  void aBodyWithTwoBadFieldsIsOneProblemNamingBoth() {
    Api owner = Api.as(Tokens.person("faq-bad-both"));
    assertThat(
            owner
                .post("/faq", "{\"question\": \" \", \"answer\": 7}")
                .problem(400)
                .getString("error"))
        .isEqualTo("answer must be a non-blank string. question must be a non-blank string.");
  }

  @Test
  void badBodiesAreBadRequestsNamingTheField() {
    Api owner = Api.as(Tokens.person("faq-bad"));
    assertThat(owner.post("/faq", "{\"answer\": \"a\"}").problem(400).getString("error"))
        .contains("question");
    assertThat(
            owner
                .post("/faq", "{\"question\": 1, \"answer\": \"a\"}")
                .problem(400)
                .getString("error"))
        .contains("question");
    assertThat(owner.post("/faq", body("q", "  ")).problem(400).getString("error"))
        .contains("answer");
    assertThat(owner.post("/faq", body("x".repeat(501), "a")).problem(400).getString("error"))
        .contains("question");
    assertThat(owner.post("/faq", body("あ".repeat(400), "a")).problem(400).getString("error"))
        .contains("question", "bytes");
    assertThat(owner.post("/faq", body("q", "x".repeat(10_001))).problem(400).getString("error"))
        .contains("answer");
    owner.post("/faq", "{\"question\": \"q\"").problem(400);
    owner.post("/faq", "[]").problem(400);
    owner.post("/faq", body("q", "a")).ok();
    assertThat(owner.put(path("q"), "{\"answer\": null}").problem(400).getString("error"))
        .contains("answer");
    owner.post("/faq", body("x".repeat(500), "ちょうど500文字まで")).ok();
    owner.post("/faq", body("y", "x".repeat(10_000))).ok();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "日本語の質問",
        "with spaces  inside ",
        "a/b/c",
        "/leading and trailing/",
        "what?",
        "item #3",
        "100%",
        "%2F literally",
        "1+1=2",
        "a/../b",
        "back\\slash",
        "料金は？ 税込/税抜 #1 100% + α & more"
      })
  void aQuestionWithSpecialCharactersRoundTripsThroughThePath(String question) {
    Api owner = Api.as(Tokens.person("faq-chars"));
    owner.post("/faq", body(question, "first")).ok();

    assertThat(owner.get(path(question)).ok().getJsonObject("item").getString("question"))
        .isEqualTo(question);
    assertThat(
            owner
                .put(path(question), answerBody("second"))
                .ok()
                .getJsonObject("item")
                .getString("question"))
        .isEqualTo(question);
    assertThat(owner.get(path(question)).ok().getJsonObject("item").getString("answer"))
        .isEqualTo("second");
    assertThat(FaqData.questions(owner.get("/faqs").ok())).contains(question);
    owner.delete(path(question)).ok();
    owner.get(path(question)).problem(404);
  }

  @Test
  void aLiteralPlusInThePathIsAPlusNotASpace() {
    Api owner = Api.as(Tokens.person("faq-plus"));
    owner.post("/faq", body("1+1", "2")).ok();
    owner.post("/faq", body("1 1", "11")).ok();
    assertThat(owner.get("/faq/1+1").ok().getJsonObject("item").getString("answer")).isEqualTo("2");
    assertThat(owner.get("/faq/1%201").ok().getJsonObject("item").getString("answer"))
        .isEqualTo("11");
  }

  @Test
  void anEntryTheOldSystemWroteIsReadWithNullTimestamps() {
    Api owner = Api.as(Tokens.person("faq-legacy"));
    FaqData.putLegacy("faq-legacy", "古い質問", "古い回答");
    JsonObject item = owner.get(path("古い質問")).ok().getJsonObject("item");
    assertThat(item.getString("answer")).isEqualTo("古い回答");
    assertThat(item.get("created_at")).isEqualTo(JsonValue.NULL);
    JsonObject updated = owner.put(path("古い質問"), answerBody("新しい回答")).ok().getJsonObject("item");
    assertThat(updated.getString("updated_at")).matches(TIMESTAMP);
  }

  @Test
  void everyChangeBumpsTheFaqVersionAndReadsDoNot() {
    String tenant = "faq-version";
    Api owner = Api.as(Tokens.person(tenant));
    long start = FaqData.version(tenant);
    owner.post("/faq", body("q1", "a1")).ok();
    assertThat(FaqData.version(tenant)).isEqualTo(start + 1);
    owner.get("/faqs").ok();
    owner.get(path("q1")).ok();
    owner.get("/faqs/export").body();
    assertThat(FaqData.version(tenant)).isEqualTo(start + 1);
    owner.put(path("q1"), answerBody("a2")).ok();
    assertThat(FaqData.version(tenant)).isEqualTo(start + 2);
    owner.delete(path("q1")).ok();
    assertThat(FaqData.version(tenant)).isEqualTo(start + 3);
    owner.delete(path("q1")).problem(404);
    owner.post("/faq", body("q2", "a")).ok();
    owner.post("/faq", body("q2", "a")).problem(409);
    assertThat(FaqData.version(tenant)).isEqualTo(start + 4);
  }

  @Test
  void everyChangeLeavesAnAuditRecord() {
    Api owner = Api.as(Tokens.person("faq-audit"));
    owner.post("/faq", body("監査", "一")).ok();
    owner.put(path("監査"), answerBody("二")).ok();
    owner.delete(path("監査")).ok();
    List<JsonObject> records =
        owner.get("/audit").ok().getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(records)
        .extracting(r -> r.getString("action"))
        .containsExactly("faq.delete", "faq.update", "faq.create");
    assertThat(records).allSatisfy(r -> assertThat(r.getString("key")).isEqualTo("監査"));
    assertThat(records.get(0).getString("before")).isEqualTo("二");
    assertThat(records.get(1).getString("before")).isEqualTo("一");
    assertThat(records.get(1).getString("after")).isEqualTo("二");
    assertThat(records.get(2).getString("after")).isEqualTo("一");
  }
}
