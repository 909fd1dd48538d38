package jp.uketsuke.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens for tests, signed with the local signer's key (which the service trusts through the local
 * stack's JWKS) or, to prove it is refused, with a key nobody trusts. Claims follow what Cognito
 * puts into ID tokens and client-credentials access tokens.
 */
public final class Tokens {
  private static RSAKey trusted;
  private static RSAKey stranger;

  private Tokens() {}

  /** A person's ID token for the tenant, as the console sends it. */
  public static JWTClaimsSet.Builder idToken(String tenant) {
    LocalStack stack = LocalStack.get();
    JWTClaimsSet.Builder claims =
        base()
            .subject("user-" + UUID.randomUUID())
            .audience(stack.webClientId())
            .claim("token_use", "id")
            .claim("email", tenant + "-owner@example.com")
            .claim("cognito:groups", List.of("admin"));
    return tenant == null ? claims : claims.claim("custom:tenant_id", tenant);
  }

  /** The voice server's client-credentials access token. */
  public static JWTClaimsSet.Builder serviceToken() {
    LocalStack stack = LocalStack.get();
    return base()
        .subject(stack.serviceClientId())
        .claim("client_id", stack.serviceClientId())
        .claim("token_use", "access")
        .claim("scope", stack.serviceScope());
  }

  public static String person(String tenant) {
    return sign(idToken(tenant));
  }

  public static String service() {
    return sign(serviceToken());
  }

  public static String sign(JWTClaimsSet.Builder claims) {
    return sign(claims.build(), trustedKey());
  }

  public static String signWithUnknownKey(JWTClaimsSet.Builder claims) {
    return sign(claims.build(), strangerKey());
  }

  public static RSAKey trustedKey() {
    synchronized (Tokens.class) {
      if (trusted == null) {
        try {
          String json = Files.readString(LocalStack.get().signerKeyFile(), StandardCharsets.UTF_8);
          trusted = RSAKey.parse(json);
        } catch (IOException | ParseException e) {
          throw new IllegalStateException("cannot read the local signer's key", e);
        }
      }
      return trusted;
    }
  }

  private static RSAKey strangerKey() {
    synchronized (Tokens.class) {
      if (stranger == null) {
        try {
          stranger = new RSAKeyGenerator(2048).keyID("stranger-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
          throw new IllegalStateException(e);
        }
      }
      return stranger;
    }
  }

  private static JWTClaimsSet.Builder base() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(LocalStack.get().issuer())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
        .jwtID(UUID.randomUUID().toString())
        .claim("auth_time", now.getEpochSecond());
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
