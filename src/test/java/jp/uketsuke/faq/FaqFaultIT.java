package jp.uketsuke.faq;

import static jp.uketsuke.faq.FaqData.answerBody;
import static jp.uketsuke.faq.FaqData.body;
import static jp.uketsuke.faq.FaqData.path;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.StoreFaults;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * FAQ writes never leave stale answers: whatever a failure interrupts, the answers retrieval serves
 * (every pod's in-memory index) come back to what the table holds, and no change goes without an
 * audit record.
 */
class FaqFaultIT {
  private static final Duration SOON = Duration.ofSeconds(10);

  @AfterEach
  void storeBack() throws Exception {
    StoreFaults.start();
  }

  @Test
  void aWriterThatDiedBetweenItsWriteAndItsBumpLeavesNoStaleAnswer() {
    String tenant = "faq-fault-died";
    Api owner = Api.as(Tokens.person(tenant));
    owner.post("/faq", body("駐車場はありますか", "ありません")).ok();
    assertThat(topAnswer(owner, "駐車場")).isEqualTo("ありません");

    // What a writer leaves that marked its change, wrote, and died before bumping the version.
    RawDynamo.client()
        .updateItem(
            b ->
                b.tableName("app-prompts")
                    .key(Map.of("client_id", s(tenant), "id", s(FaqVersion.ID)))
                    .updateExpression("SET pending_dead = :t")
                    .expressionAttributeValues(
                        Map.of(
                            ":t",
                            AttributeValue.fromN(Long.toString(System.currentTimeMillis())))));
    FaqData.putLegacy(tenant, "駐車場はありますか", "2台分あります");

    Eventually.holds(SOON, () -> assertThat(topAnswer(owner, "駐車場")).isEqualTo("2台分あります"));
  }

  @Test
  void anUpdateWhoseStoreLosesItsAnswersLeavesSearchAgreeingWithTheTableAndAnAuditRecord()
      throws Exception {
    String tenant = "faq-fault-lost";
    Api owner = Api.as(Tokens.person(tenant));
    owner.post("/faq", body("営業時間は", "10時から18時")).ok();
    assertThat(topAnswer(owner, "営業時間")).isEqualTo("10時から18時");
    int records = owner.get("/audit").ok().getJsonArray("items").size();

    StoreFaults.dropAnswers();
    int status = owner.put(path("営業時間は"), answerBody("9時から20時")).status();
    StoreFaults.start();

    assertThat(status).isGreaterThanOrEqualTo(500);
    String stored = owner.get(path("営業時間は")).ok().getJsonObject("item").getString("answer");
    Eventually.holds(SOON, () -> assertThat(topAnswer(owner, "営業時間")).isEqualTo(stored));
    if (!stored.equals("10時から18時")) {
      assertThat(owner.get("/audit").ok().getJsonArray("items").size())
          .as("a change that landed has its audit record")
          .isGreaterThan(records);
    }
  }

  private static String topAnswer(Api api, String query) {
    JsonObject hits =
        api.get("/faqs/search?k=1&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).ok();
    return hits.getJsonArray("items").getJsonObject(0).getString("answer");
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
