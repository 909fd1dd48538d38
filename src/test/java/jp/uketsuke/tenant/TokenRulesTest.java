package jp.uketsuke.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The token rules of the contract, on tokens whose signature Liberty has already verified. */
class TokenRulesTest {
  private final TokenRules rules =
      new TokenRules(List.of("console-client"), List.of("voice-client"), "uketsuke/voice");

  @Test
  void aPersonActsForTheTenantInTheirIdToken() {
    Caller caller = rules.callerOf(idToken("garden"), null);

    assertThat(caller.tenantId()).isEqualTo("garden");
    assertThat(caller.kind()).isEqualTo(Caller.Kind.PERSON);
    assertThat(caller.clientId()).isEqualTo("console-client");
    assertThat(caller.roles()).containsExactly("admin");
  }

  @Test
  void aPersonMayRepeatTheirOwnTenantInTheHeader() {
    assertThat(rules.callerOf(idToken("garden"), "garden").tenantId()).isEqualTo("garden");
  }

  @Test
  void aPersonNamingAnotherTenantIsForbidden() {
    assertStatus(() -> rules.callerOf(idToken("garden"), "clinic"), 403);
  }

  @Test
  void anIdTokenWithoutTenantIsUnauthorized() {
    assertStatus(() -> rules.callerOf(idToken(null), null), 401);
  }

  @Test
  void anIdTokenOfAnotherAppClientIsUnauthorized() {
    Token token = idToken("garden").with("aud", Set.of("someone-elses-client"));
    assertStatus(() -> rules.callerOf(token, null), 401);
  }

  @Test
  void theServiceActsForTheTenantItNamesInTheHeader() {
    Caller caller = rules.callerOf(serviceToken("uketsuke/voice"), "clinic");

    assertThat(caller.tenantId()).isEqualTo("clinic");
    assertThat(caller.kind()).isEqualTo(Caller.Kind.SERVICE);
    assertThat(caller.clientId()).isEqualTo("voice-client");
  }

  @Test
  void theServiceWithoutTenantHeaderIsUnauthorized() {
    assertStatus(() -> rules.callerOf(serviceToken("uketsuke/voice"), null), 401);
    assertStatus(() -> rules.callerOf(serviceToken("uketsuke/voice"), "  "), 401);
  }

  @Test
  void anAccessTokenWithoutTheServiceScopeIsForbidden() {
    assertStatus(() -> rules.callerOf(serviceToken("openid profile"), "clinic"), 403);
  }

  @Test
  void anAccessTokenOfAConsoleClientIsForbiddenEvenWithTheScope() {
    Token token = serviceToken("uketsuke/voice").with("client_id", "console-client");
    assertStatus(() -> rules.callerOf(token, "clinic"), 403);
  }

  @Test
  void aMalformedTenantHeaderIsABadRequest() {
    assertStatus(() -> rules.callerOf(serviceToken("uketsuke/voice"), "../clinic"), 400);
  }

  @Test
  void noTokenOrAnUnknownKindIsUnauthorized() {
    assertStatus(() -> rules.callerOf(null, "garden"), 401);
    assertStatus(() -> rules.callerOf(idToken("garden").with("token_use", "refresh"), null), 401);
  }

  @Test
  void groupsAndEmailAreReadFromTheVerifiedPayload() {
    Token token = idToken("garden").with("cognito:groups", List.of("admin", "staff"));
    Caller caller = rules.callerOf(token.with("email", "owner@example.com"), null);

    assertThat(caller.roles()).containsExactlyInAnyOrder("admin", "staff");
    assertThat(caller.email()).isEqualTo("owner@example.com");
  }

  @Test
  void aTokenWhosePayloadIsNotAJsonObjectIsUnauthorized() {
    assertStatus(
        () -> rules.callerOf(idToken("garden").with("raw_token", "e30.bm90IGpzb24.c2ln"), null),
        401);
    assertStatus(
        () -> rules.callerOf(idToken("garden").with("raw_token", "e30.W10.c2ln"), null), 401);
    assertStatus(() -> rules.callerOf(idToken("garden").with("raw_token", "no-dots"), null), 401);
  }

  private static void assertStatus(Runnable call, int status) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(status));
  }

  private static Token idToken(String tenant) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("sub", "user-1");
    claims.put("token_use", "id");
    claims.put("aud", Set.of("console-client"));
    claims.put("cognito:groups", List.of("admin"));
    if (tenant != null) {
      claims.put(TokenRules.TENANT_CLAIM, tenant);
    }
    return new Token(claims);
  }

  private static Token serviceToken(String scope) {
    return new Token(
        Map.of(
            "sub", "voice-client",
            "token_use", "access",
            "client_id", "voice-client",
            "scope", scope));
  }

  /** A verified token's claims, as Liberty hands them to the application. */
  private record Token(Map<String, Object> claims) implements JsonWebToken {
    Token with(String claim, Object value) {
      Map<String, Object> copy = new HashMap<>(claims);
      copy.put(claim, value);
      return new Token(copy);
    }

    @Override
    public String getName() {
      return (String) claims.get("sub");
    }

    @Override
    public Set<String> getClaimNames() {
      return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
      if ("raw_token".equals(name) && !claims.containsKey(name)) {
        return (T) raw();
      }
      return (T) claims.get(name);
    }

    /** header.payload.signature with the claims as the payload; the signature is not read. */
    private String raw() {
      JsonObjectBuilder payload = Json.createObjectBuilder();
      claims.forEach(
          (name, value) -> {
            if (value instanceof Collection<?> values) {
              JsonArrayBuilder array = Json.createArrayBuilder();
              values.forEach(v -> array.add(String.valueOf(v)));
              payload.add(name, array);
            } else {
              payload.add(name, String.valueOf(value));
            }
          });
      Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
      byte[] json = payload.build().toString().getBytes(StandardCharsets.UTF_8);
      return base64.encodeToString("{}".getBytes(StandardCharsets.UTF_8))
          + "."
          + base64.encodeToString(json)
          + ".c2ln";
    }
  }
}
