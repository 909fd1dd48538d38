package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** {@code GET /faqs}: all of it for old clients, pages with an opaque token for new ones. */
class FaqListingIT {

  @Test
  void withoutParametersEveryEntryIsListedNotJustTheFirst200() {
    Api owner = Api.as(Tokens.person("faq-list-all"));
    FaqData.importCsv(owner, FaqData.csvOf("q", 1200), false).ok();

    JsonObject listing = owner.get("/faqs").ok();
    List<String> questions = FaqData.questions(listing);
    assertThat(questions).hasSize(1200).doesNotHaveDuplicates().isSorted();
    assertThat(questions.get(1199)).isEqualTo("q-01200");
    assertThat(listing.containsKey("next_token")).isFalse();
  }

  @Test
  void pagesWalkEveryEntryOnceInOrderAndTheLastPageHasANullToken() {
    Api owner = Api.as(Tokens.person("faq-list-pages"));
    FaqData.importCsv(owner, FaqData.csvOf("p", 25), false).ok();

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      JsonObject page =
          owner.get("/faqs?limit=10" + (token == null ? "" : "&next_token=" + token)).ok();
      seen.addAll(FaqData.questions(page));
      assertThat(page.containsKey("next_token")).isTrue();
      token = page.isNull("next_token") ? null : page.getString("next_token");
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(FaqData.questions(owner.get("/faqs").ok()));
  }

  @Test
  void aPageThatEndsExactlyAtTheLastEntrySaysSo() {
    Api owner = Api.as(Tokens.person("faq-list-exact"));
    FaqData.importCsv(owner, FaqData.csvOf("e", 5), false).ok();
    JsonObject page = owner.get("/faqs?limit=5").ok();
    assertThat(page.getJsonArray("items")).hasSize(5);
    assertThat(page.get("next_token")).isEqualTo(JsonValue.NULL);
    assertThat(Api.as(Tokens.person("faq-list-none")).get("/faqs?limit=5").ok().get("next_token"))
        .isEqualTo(JsonValue.NULL);
  }

  @Test
  void aTamperedOrForeignTokenIsABadRequest() {
    Api a = Api.as(Tokens.person("faq-token-a"));
    FaqData.importCsv(a, FaqData.csvOf("t", 3), false).ok();
    String token = a.get("/faqs?limit=1").ok().getString("next_token");
    assertThat(a.get("/faqs?limit=1&next_token=" + token).ok().getJsonArray("items")).hasSize(1);

    String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    a.get("/faqs?limit=1&next_token=" + tampered).problem(400);
    a.get("/faqs?next_token=garbage").problem(400);
    Api b = Api.as(Tokens.person("faq-token-b"));
    String error = b.get("/faqs?limit=1&next_token=" + token).problem(400).getString("error");
    assertThat(error).contains("next_token");
  }

  @Test
  void aLimitOutsideOneToAThousandIsABadRequest() {
    Api owner = Api.as(Tokens.person("faq-list-limit"));
    owner.get("/faqs?limit=0").problem(400);
    owner.get("/faqs?limit=1001").problem(400);
    assertThat(owner.get("/faqs?limit=abc").problem(400).getString("error")).contains("limit");
    owner.get("/faqs?limit=1000").ok();
  }
}
