package jp.uketsuke.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** {@code GET /audit}: every change is recorded with who and what, and only its tenant sees it. */
class AuditIT {

  @Test
  void aChangeIsRecordedWithActorBeforeAndAfter() {
    Api owner = Api.as(Tokens.person("audit-a"));
    owner.put("/prompt", "{\"content\": \"first\"}").ok();
    owner.put("/prompt", "{\"content\": \"second\"}").ok();

    List<JsonObject> items =
        owner.get("/audit").ok().getJsonArray("items").getValuesAs(JsonObject.class);
    assertThat(items).hasSize(2);
    JsonObject newest = items.get(0);
    assertThat(newest.getString("action")).isEqualTo("prompt.update");
    assertThat(newest.getString("key")).isEqualTo("system");
    assertThat(newest.getString("before")).isEqualTo("first");
    assertThat(newest.getString("after")).isEqualTo("second");
    assertThat(newest.getString("actor_kind")).isEqualTo("person");
    assertThat(newest.getString("actor_email")).isEqualTo("audit-a-owner@example.com");
    assertThat(items.get(1).containsKey("before")).isFalse();
  }

  @Test
  void pagesFollowTheTokenAndAnotherTenantSeesNothing() {
    Api owner = Api.as(Tokens.person("audit-paged"));
    for (int i = 0; i < 5; i++) {
      owner.put("/prompt", "{\"content\": \"v" + i + "\"}").ok();
    }
    JsonObject first = owner.get("/audit?limit=3").ok();
    assertThat(first.getJsonArray("items")).hasSize(3);
    String token = first.getString("next_token");
    JsonObject second = owner.get("/audit?limit=3&next_token=" + token).ok();
    assertThat(second.getJsonArray("items")).hasSize(2);
    assertThat(second.getJsonArray("items").getJsonObject(1).getString("after")).isEqualTo("v0");

    Api other = Api.as(Tokens.person("audit-other"));
    assertThat(other.get("/audit").ok().getJsonArray("items")).isEmpty();
    other.get("/audit?limit=3&next_token=" + token).problem(400);
  }

  @Test
  void badParametersAndServiceTokensAreRefused() {
    Api owner = Api.as(Tokens.person("audit-bad"));
    owner.get("/audit?limit=abc").problem(400);
    owner.get("/audit?limit=0").problem(400);
    owner.get("/audit?from=yesterday").problem(400);
    Api.as(Tokens.service()).header("x-client-id", "audit-bad").get("/audit").problem(403);
    Api.anonymous().get("/audit").problem(401);
  }
}
