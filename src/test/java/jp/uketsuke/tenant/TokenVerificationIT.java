package jp.uketsuke.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.LocalStack;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * "Who is calling, and for which tenant": every kind of token the contract names, against the
 * running server, each answered with its status and a problem document.
 */
class TokenVerificationIT {

  @Test
  void aPersonsIdTokenReachesTheirTenant() {
    JsonObject me = Api.as(Tokens.person("garden")).get("/me").ok();

    assertThat(me.getString("tenant_id")).isEqualTo("garden");
    assertThat(me.getString("token_kind")).isEqualTo("person");
    assertThat(me.getString("client_id")).isEqualTo(LocalStack.get().webClientId());
    assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("admin");
  }

  @Test
  void theVoiceServerActsForTheTenantItNames() {
    JsonObject me = Api.as(Tokens.service()).header("x-client-id", "clinic").get("/me").ok();

    assertThat(me.getString("tenant_id")).isEqualTo("clinic");
    assertThat(me.getString("token_kind")).isEqualTo("service");
  }

  @Test
  void noTokenIsUnauthorized() {
    Api.anonymous().get("/me").problem(401);
    Api.anonymous().header("x-client-id", "garden").get("/me").problem(401);
  }

  @Test
  void garbageIsUnauthorized() {
    Api.as("not-a-jwt").get("/me").problem(401);
  }

  @Test
  void anExpiredTokenIsUnauthorized() {
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    String token =
        Tokens.sign(
            Tokens.idToken("garden")
                .issueTime(Date.from(hourAgo.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(hourAgo)));
    Api.as(token).get("/me").problem(401);
  }

  @Test
  void aTokenNotYetValidIsUnauthorized() {
    Instant later = Instant.now().plus(Duration.ofMinutes(10));
    String token =
        Tokens.sign(
            Tokens.idToken("garden")
                .notBeforeTime(Date.from(later))
                .issueTime(Date.from(later))
                .expirationTime(Date.from(later.plus(Duration.ofHours(1)))));
    Api.as(token).get("/me").problem(401);
  }

  @Test
  void aTokenOfAnotherIssuerIsUnauthorized() {
    String token =
        Tokens.sign(
            Tokens.idToken("garden")
                .issuer("https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_other"));
    Api.as(token).get("/me").problem(401);
  }

  @Test
  void anIdTokenForAnotherAppClientIsUnauthorized() {
    String token = Tokens.sign(Tokens.idToken("garden").audience("another-app-client"));
    Api.as(token).get("/me").problem(401);
  }

  @Test
  void aTokenSignedWithAnUnknownKeyIsUnauthorized() {
    Api.as(Tokens.signWithUnknownKey(Tokens.idToken("garden"))).get("/me").problem(401);
  }

  @Test
  void anUnsignedTokenIsUnauthorized() {
    String token = new PlainJWT(Tokens.idToken("garden").build()).serialize();
    Api.as(token).get("/me").problem(401);
  }

  @Test
  void anHs256TokenKeyedWithThePublicKeyIsUnauthorized() throws JOSEException {
    byte[] publicKey =
        Tokens.trustedKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(Tokens.trustedKey().getKeyID()).build(),
            Tokens.idToken("garden").build());
    jwt.sign(new MACSigner(publicKey));
    Api.as(jwt.serialize()).get("/me").problem(401);
  }

  @Test
  void aTamperedTenantClaimIsUnauthorized() {
    String[] parts = Tokens.person("garden").split("\\.");
    String forged =
        parts[0]
            + "."
            + Base64URL.encode(
                    Tokens.idToken("clinic").build().toString().getBytes(StandardCharsets.UTF_8))
                .toString()
            + "."
            + parts[2];
    Api.as(forged).get("/me").problem(401);
  }

  @Test
  void anIdTokenWithoutTenantIsUnauthorized() {
    Api.as(Tokens.person(null)).get("/me").problem(401);
  }

  @Test
  void aPersonNamingAnotherTenantIsForbidden() {
    Api.as(Tokens.person("garden")).header("x-client-id", "clinic").get("/me").problem(403);
  }

  @Test
  void aServiceTokenWithoutTenantHeaderIsUnauthorized() {
    Api.as(Tokens.service()).get("/me").problem(401);
  }

  @Test
  void anAccessTokenOfANonServiceClientIsForbidden() {
    String token =
        Tokens.sign(Tokens.serviceToken().claim("client_id", LocalStack.get().webClientId()));
    Api.as(token).header("x-client-id", "clinic").get("/me").problem(403);
  }

  @Test
  void anAccessTokenWithoutTheServiceScopeIsForbidden() {
    String token = Tokens.sign(Tokens.serviceToken().claim("scope", "openid email"));
    Api.as(token).header("x-client-id", "clinic").get("/me").problem(403);
  }

  @Test
  void aRefreshOrOtherKindOfTokenIsUnauthorized() {
    JWTClaimsSet.Builder claims = Tokens.idToken("garden").claim("token_use", "refresh");
    Api.as(Tokens.sign(claims)).get("/me").problem(401);
  }
}
