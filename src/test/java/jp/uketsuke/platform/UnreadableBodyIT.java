package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Bodies the JSON reader gives up on, Content-Types that are no media type and keys too long for
 * DynamoDB are the client's mistake: 400 or 415 problems. Found by the hostile-input properties
 * (they were 500s and an HTML page).
 */
class UnreadableBodyIT {
  private final Api owner = Api.as(Tokens.person("unreadable-body"));

  @Test
  void jsonNestedDeeperThanTheParserAllowsIs400() {
    String arrays = "[".repeat(10_000) + "1" + "]".repeat(10_000);
    assertThat(owner.post("/call", arrays).problem(400).getString("error")).contains("JSON");

    String objects = "{\"content\": " + "{\"a\": ".repeat(2_000) + "1" + "}".repeat(2_001);
    owner.put("/prompt", objects).problem(400);
    owner.post("/chat", "[".repeat(1_500)).problem(400);
    owner.post("/faqs/import", "[".repeat(10_000)).problem(400);
    owner.put("/ext-tools", "[".repeat(10_000)).problem(400);
    owner
        .put("/func-config", "{\"config\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}")
        .problem(400);
  }

  @Test
  void aPathOrQueryThatIsNotUtf8Is400() {
    owner.delete("/callers/%FF%FE").problem(400);
    owner.get("/faq/%C0%80").problem(400);
    owner.get("/calls?phone=%ED%A0%80").problem(400);
    assertThat(owner.get("/faq/%E3%81%82").status()).isEqualTo(404);
  }

  @Test
  void aKeyTooLongForTheStoreIs400() {
    String phone = "1".repeat(3_000);
    owner.delete("/callers/" + phone).problem(400);
    assertThat(owner.get("/callers/" + phone).status()).isLessThan(500);
  }

  @Test
  void aContentTypeThatIsNoMediaTypeIs415() {
    Api garbage = Api.as(Tokens.person("unreadable-body")).header("Content-Type", "garbage");
    garbage.post("/faq", "{\"question\": \"q\", \"answer\": \"a\"}").problem(415);
    Api empty = Api.as(Tokens.person("unreadable-body")).header("Content-Type", "application/");
    empty.put("/task/x", "{}").problem(415);
    Api nonsense =
        Api.as(Tokens.person("unreadable-body"))
            .header("Content-Type", "application/json; charset=nonsense");
    nonsense.put("/ext-tools", "{}").problem(415);
    nonsense.put("/prompt", "{\"content\": \"x\"}").problem(415);
  }

  @Test
  void theServiceIsReadyAfterwards() {
    jsonNestedDeeperThanTheParserAllowsIs400();
    assertThat(Api.anonymous().get("/health/ready").status()).isEqualTo(200);
  }
}
