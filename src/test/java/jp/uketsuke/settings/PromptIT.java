package jp.uketsuke.settings;

import static org.assertj.core.api.Assertions.assertThat;

import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** {@code GET|PUT /prompt}: the contract's shape, Japanese kept as is, and the tenant matrix. */
class PromptIT {
  private static final String MARKDOWN = "# みどり造園\n\nご用件を伺います。剪定・草刈りの予約を承ります。";

  @Test
  void aNewTenantHasAnEmptyPrompt() {
    var prompt = Api.as(Tokens.person("prompt-new")).get("/prompt").ok();
    assertThat(prompt.getString("id")).isEqualTo("system");
    assertThat(prompt.getString("content")).isEmpty();
  }

  @Test
  void aSavedPromptIsReadBackAsWritten() {
    Api owner = Api.as(Tokens.person("prompt-owner"));
    owner.put("/prompt", "{\"content\": " + quoted(MARKDOWN) + "}").ok();

    assertThat(owner.get("/prompt").ok().getString("content")).isEqualTo(MARKDOWN);
  }

  @Test
  void theVoiceServerReadsThePromptOfTheTenantItNamesButCannotChangeIt() {
    Api.as(Tokens.person("prompt-voice")).put("/prompt", "{\"content\": \"voice\"}").ok();
    Api voiceServer = Api.as(Tokens.service()).header("x-client-id", "prompt-voice");

    assertThat(voiceServer.get("/prompt").ok().getString("content")).isEqualTo("voice");
    voiceServer.put("/prompt", "{\"content\": \"hijacked\"}").problem(403);
    assertThat(voiceServer.get("/prompt").ok().getString("content")).isEqualTo("voice");
  }

  @Test
  void anotherTenantNeitherSeesNorChangesThePrompt() {
    Api a = Api.as(Tokens.person("prompt-a"));
    Api b = Api.as(Tokens.person("prompt-b"));
    a.put("/prompt", "{\"content\": \"tenant A's secret prompt\"}").ok();
    b.put("/prompt", "{\"content\": \"B\"}").ok();

    assertThat(b.get("/prompt").body()).doesNotContain("secret");
    assertThat(a.get("/prompt").ok().getString("content")).isEqualTo("tenant A's secret prompt");
    b.header("x-client-id", "prompt-a").get("/prompt").problem(403);
    Api.as(Tokens.service()).header("x-client-id", "prompt-b").get("/prompt").ok();
  }

  @Test
  void withoutAValidTokenNothingIsReadOrWritten() {
    Api.anonymous().get("/prompt").problem(401);
    Api.anonymous().put("/prompt", "{\"content\": \"x\"}").problem(401);
    Api.as(Tokens.signWithUnknownKey(Tokens.idToken("prompt-a")))
        .put("/prompt", "{\"content\": \"x\"}")
        .problem(401);
  }

  private static String quoted(String text) {
    return jakarta.json.Json.createValue(text).toString();
  }
}
