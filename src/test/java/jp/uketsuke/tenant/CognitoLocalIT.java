package jp.uketsuke.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.TokenScript;
import org.junit.jupiter.api.Test;

/**
 * The whole chain with tokens nobody in the test signed: cognito-local issues an ID token through
 * InitiateAuth (via local/token.mjs, as a developer would get one) and the service accepts it.
 */
class CognitoLocalIT {

  @Test
  void aCognitoIdTokenOfANewUserReachesTheirTenant() {
    String token = TokenScript.person("cognito-tenant", "owner@cognito-tenant.example");

    JsonObject me = Api.as(token).get("/me").ok();
    assertThat(me.getString("tenant_id")).isEqualTo("cognito-tenant");
    assertThat(me.getString("token_kind")).isEqualTo("person");
  }

  @Test
  void theSeededDemoOwnerCanSignIn() {
    JsonObject me = Api.as(TokenScript.person("demo")).get("/me").ok();
    assertThat(me.getString("tenant_id")).isEqualTo("demo");
    assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("admin");
  }

  @Test
  void theLocalServiceTokenActsForTheNamedTenant() {
    JsonObject me = Api.as(TokenScript.service()).header("x-client-id", "demo").get("/me").ok();
    assertThat(me.getString("tenant_id")).isEqualTo("demo");
    assertThat(me.getString("token_kind")).isEqualTo("service");
  }
}
