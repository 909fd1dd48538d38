package jp.uketsuke.platform;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque {@code next_token}s for paged lists. A token carries DynamoDB's last evaluated key, the
 * tenant and a fingerprint of the query it continues, signed with a server secret: clients send it
 * back as they got it, and one that was altered, belongs to another tenant or continues another
 * query is refused with 400 instead of leaking or skipping items.
 */
@ApplicationScoped
public class PageTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final String HMAC = "HmacSHA256";

  private final byte[] secret;

  @Inject
  public PageTokens(@ConfigProperty(name = "uketsuke.cursor.secret") String secret) {
    if (secret.length() < 16) {
      throw new IllegalStateException("uketsuke.cursor.secret must have at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** Needed by CDI for the client proxy of an application-scoped bean. */
  protected PageTokens() {
    this.secret = new byte[0];
  }

  /**
   * @param query what identifies the listing (route and its filters), so a token cannot continue
   *     another one
   * @return the token, or null when there is no further page
   */
  public String encode(String tenantId, String query, Map<String, AttributeValue> lastKey) {
    if (lastKey == null || lastKey.isEmpty()) {
      return null;
    }
    JsonObjectBuilder key = JSON.createObjectBuilder();
    lastKey.forEach(
        (name, value) -> {
          if (value.s() != null) {
            key.add(name, JSON.createObjectBuilder().add("S", value.s()));
          } else if (value.n() != null) {
            key.add(name, JSON.createObjectBuilder().add("N", value.n()));
          } else {
            throw new IllegalArgumentException("key attribute " + name + " is neither S nor N");
          }
        });
    String payload =
        JSON.createObjectBuilder()
            .add("t", tenantId)
            .add("q", query)
            .add("k", key)
            .build()
            .toString();
    String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return body + "." + B64.encodeToString(sign(body));
  }

  /**
   * @return the key to continue from, or null for the first page (no token)
   * @throws ApiException 400 when the token is not one this server gave for this tenant and query
   */
  public Map<String, AttributeValue> decode(String tenantId, String query, String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    JsonObject payload = verified(token.strip());
    if (!tenantId.equals(payload.getString("t", null))
        || !query.equals(payload.getString("q", null))) {
      throw invalid();
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : payload.getJsonObject("k").entrySet()) {
      JsonObject value = entry.getValue().asJsonObject();
      key.put(
          entry.getKey(),
          value.containsKey("S")
              ? AttributeValue.fromS(value.getString("S"))
              : AttributeValue.fromN(value.getString("N")));
    }
    return key;
  }

  private JsonObject verified(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1) {
      throw invalid();
    }
    String body = token.substring(0, dot);
    try {
      byte[] signature = B64D.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(body))) {
        throw invalid();
      }
      try (JsonReader reader =
          JSON.createReader(
              new StringReader(new String(B64D.decode(body), StandardCharsets.UTF_8)))) {
        return reader.readObject();
      }
    } catch (IllegalArgumentException | JsonParsingException | ClassCastException e) {
      throw invalid();
    }
  }

  private byte[] sign(String body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiException invalid() {
    return ApiException.badRequest(
        "next_token is not valid for this list; send it back exactly as received.");
  }
}
