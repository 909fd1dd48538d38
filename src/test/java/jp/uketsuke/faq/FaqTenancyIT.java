package jp.uketsuke.faq;

import static jp.uketsuke.faq.FaqData.answerBody;
import static jp.uketsuke.faq.FaqData.body;
import static jp.uketsuke.faq.FaqData.path;
import static org.assertj.core.api.Assertions.assertThat;

import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The FAQ tenant matrix: own tenant 2xx, another tenant 404 or empty, no token 401, roles 403. */
class FaqTenancyIT {
  private static final String SECRET_Q = "A社だけの質問";
  private static final String SECRET_A = "A社の秘密の回答";

  @Test
  void anotherTenantNeitherSeesNorChangesTheFaq() {
    Api a = Api.as(Tokens.person("faq-tenant-a"));
    Api b = Api.as(Tokens.person("faq-tenant-b"));
    a.post("/faq", body(SECRET_Q, SECRET_A)).ok();
    b.post("/faq", body("B社の質問", "B")).ok();

    b.get(path(SECRET_Q)).problem(404);
    b.put(path(SECRET_Q), answerBody("hijacked")).problem(404);
    b.delete(path(SECRET_Q)).problem(404);
    assertThat(b.get("/faqs").body()).doesNotContain(SECRET_Q, SECRET_A);
    assertThat(b.get("/faqs?limit=1000").body()).doesNotContain(SECRET_Q, SECRET_A);
    assertThat(b.get("/faqs/export?format=csv").body()).doesNotContain(SECRET_Q, SECRET_A);
    assertThat(b.get("/faqs/export?format=json").body()).doesNotContain(SECRET_Q, SECRET_A);
    b.header("x-client-id", "faq-tenant-a").get("/faqs").problem(403);

    assertThat(a.get(path(SECRET_Q)).ok().getJsonObject("item").getString("answer"))
        .isEqualTo(SECRET_A);
    assertThat(FaqData.questions(a.get("/faqs").ok())).containsExactly(SECRET_Q);
  }

  @Test
  void aServiceTokenReadsTheFaqOfTheTenantItNamesButCannotChangeIt() {
    String tenant = "faq-voice";
    Api.as(Tokens.person(tenant)).post("/faq", body("営業時間", "9-18")).ok();
    Api voice = Api.as(Tokens.service()).header("x-client-id", tenant);

    assertThat(FaqData.questions(voice.get("/faqs").ok())).containsExactly("営業時間");
    voice.get(path("営業時間")).ok();
    assertThat(voice.get("/faqs/export?format=json").status()).isEqualTo(200);
    voice.post("/faq", body("new", "x")).problem(403);
    voice.put(path("営業時間"), answerBody("x")).problem(403);
    voice.delete(path("営業時間")).problem(403);
    FaqData.importCsv(voice, "question,answer\nnew,x\n", false).problem(403);
    assertThat(voice.get(path("営業時間")).ok().getJsonObject("item").getString("answer"))
        .isEqualTo("9-18");
  }

  @Test
  void withoutAValidTokenNothingIsReadOrWritten() {
    Api.anonymous().get("/faqs").problem(401);
    Api.anonymous().get(path("q")).problem(401);
    Api.anonymous().post("/faq", body("q", "a")).problem(401);
    Api.anonymous().put(path("q"), answerBody("a")).problem(401);
    Api.anonymous().delete(path("q")).problem(401);
    Api.anonymous().get("/faqs/export").problem(401);
    FaqData.importCsv(Api.anonymous(), "question,answer\nq,a\n", false).problem(401);
    Api.as(Tokens.signWithUnknownKey(Tokens.idToken("faq-x"))).get("/faqs").problem(401);
  }
}
