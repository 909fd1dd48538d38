package jp.uketsuke.settings;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /{setting}/versions} and {@code POST /{setting}/versions/{n}/restore}. */
class SettingsVersionsIT {

  @Test
  void everySaveIsKeptWithWhoAndWhenAndARestoreIsItselfANewVersion() {
    Api owner = Api.as(Tokens.person("ver-prompt"));
    for (String text : List.of("one", "two", "three")) {
      owner.put("/prompt", "{\"content\": \"" + text + "\"}").ok();
    }
    List<JsonObject> versions = items(owner.get("/prompt/versions").ok());
    assertThat(versions).extracting(v -> v.getInt("version")).containsExactly(3, 2, 1);
    assertThat(versions)
        .extracting(v -> v.getString("content"))
        .containsExactly("three", "two", "one");
    assertThat(versions.get(0).getString("created_by_email"))
        .isEqualTo("ver-prompt-owner@example.com");
    assertThat(versions.get(0).getString("created_by")).startsWith("user-");
    assertThat(versions.get(0).getString("created_at")).endsWith("+00:00");

    assertThat(owner.post("/prompt/versions/1/restore", "").ok().getInt("version")).isEqualTo(4);
    assertThat(owner.get("/prompt").ok().getString("content")).isEqualTo("one");
    JsonObject newest = items(owner.get("/prompt/versions?limit=1").ok()).get(0);
    assertThat(newest.getInt("restored_from")).isEqualTo(1);
    JsonObject audit = owner.get("/audit").ok().getJsonArray("items").getJsonObject(0);
    assertThat(audit.getString("action")).isEqualTo("prompt.restore");
    assertThat(audit.getString("before")).isEqualTo("three");
    assertThat(audit.getString("after")).isEqualTo("one");
  }

  @Test
  void whatTheOldBackendWroteIsKeptBeforeItIsReplaced() {
    Configs.putRaw("ver-legacy", "system", AttributeValue.fromS("旧プロンプト"));
    Api owner = Api.as(Tokens.person("ver-legacy"));
    owner.put("/prompt", "{\"content\": \"新\"}").ok();

    List<JsonObject> versions = items(owner.get("/prompt/versions").ok());
    assertThat(versions).extracting(v -> v.getString("content")).containsExactly("新", "旧プロンプト");
    assertThat(versions.get(1).getString("created_by")).isEqualTo("unknown");
    owner.post("/prompt/versions/1/restore", "").ok();
    assertThat(owner.get("/prompt").ok().getString("content")).isEqualTo("旧プロンプト");
  }

  @Test
  void concurrentSavesLoseNoVersion() {
    Api owner = Api.as(Tokens.person("ver-race"));
    List<CompletableFuture<Integer>> saves =
        IntStream.range(0, 8)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> owner.put("/prompt", "{\"content\": \"c" + i + "\"}").status()))
            .toList();
    assertThat(saves).allSatisfy(s -> assertThat(s.join()).isEqualTo(200));
    List<JsonObject> versions = items(owner.get("/prompt/versions").ok());
    assertThat(versions).hasSize(8);
    assertThat(versions).extracting(v -> v.getString("content")).doesNotHaveDuplicates();
    assertThat(owner.get("/prompt").ok().getString("content"))
        .isEqualTo(versions.get(0).getString("content"));
  }

  @Test
  void funcConfigAndExtToolsKeepVersionsTooWithSecretsMasked() {
    Api owner = Api.as(Tokens.person("ver-configs"));
    owner
        .put("/func-config", "{\"config\": {\"tools\": [" + FuncConfigIT.tool("first") + "]}}")
        .ok();
    owner.put("/func-config", "{\"config\": {\"tools\": []}}").ok();
    owner.post("/func-config/versions/1/restore", "").ok();
    assertThat(owner.get("/func-config").body()).contains("first");
    assertThat(items(owner.get("/func-config/versions").ok())).hasSize(3);

    owner
        .put("/ext-tools", ExtToolsIT.config(ExtToolsIT.tool("w", "https://api.example.com/", "")))
        .ok();
    owner.put("/ext-tools", ExtToolsIT.config()).ok();
    String listing = owner.get("/ext-tools/versions").body();
    assertThat(listing).contains("••••").doesNotContain("sk-secret");
    owner.post("/ext-tools/versions/1/restore", "").ok();
    var stored = Configs.rawItem("ver-configs", "ext-tools").get("content");
    assertThat(
            stored.m().get("ext_tools").l().get(0).m().get("headers").m().get("Authorization").s())
        .isEqualTo("Bearer sk-secret-123");
    assertThat(owner.get("/audit").ok().getJsonArray("items").getJsonObject(0).getString("action"))
        .isEqualTo("ext-tools.restore");
  }

  @Test
  void versionsBelongToTheirTenantAndOnlyPeopleRestore() {
    Api a = Api.as(Tokens.person("ver-a"));
    a.put("/prompt", "{\"content\": \"A secret\"}").ok();
    Api b = Api.as(Tokens.person("ver-b"));

    assertThat(items(b.get("/prompt/versions").ok())).isEmpty();
    b.post("/prompt/versions/1/restore", "").problem(404);
    assertThat(b.get("/prompt").ok().getString("content")).isEmpty();
    Api voice = Api.as(Tokens.service()).header("x-client-id", "ver-a");
    assertThat(items(voice.get("/prompt/versions").ok())).hasSize(1);
    voice.post("/prompt/versions/1/restore", "").problem(403);
    Api.anonymous().get("/prompt/versions").problem(401);
    Api.anonymous().post("/ext-tools/versions/1/restore", "").problem(401);
    a.post("/prompt/versions/9/restore", "").problem(404);
    a.post("/prompt/versions/abc/restore", "").problem(400);
    a.get("/prompt/versions?limit=0").problem(400);
    a.get("/other/versions").problem(404);
  }

  private static List<JsonObject> items(JsonObject reply) {
    return reply.getJsonArray("items").getValuesAs(JsonObject.class);
  }
}
