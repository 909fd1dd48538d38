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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque {@code next_token}s for paged lists. A token carries DynamoDB's last evaluated key
 * encrypted with AES-GCM under a key derived from a server secret, bound to the tenant and a
 * fingerprint of the query it continues (associated data): clients send it back as they got it, one
 * that was altered, belongs to another tenant or continues another query is refused with 400
 * instead of leaking or skipping items, and nothing in it is readable, so a token written to a
 * request log shows no caller's number.
 *
 * <p>Wire form, base64url without padding: a version byte, a random 12-byte nonce, then the
 * ciphertext of the key's JSON with its 16-byte tag.
 */
@ApplicationScoped
public class PageTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final String HMAC = "HmacSHA256";
  private static final String AES_GCM = "AES/GCM/NoPadding";
  private static final byte VERSION = 2;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom NONCES = new SecureRandom();
  private static final byte[] SALT = "uketsuke.cursor".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INFO =
      "next_token AES-256-GCM v2".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;

  @Inject
  public PageTokens(@ConfigProperty(name = "uketsuke.cursor.secret") String secret) {
    if (secret.length() < 16) {
      throw new IllegalStateException("uketsuke.cursor.secret must have at least 16 characters");
    }
    this.key = derivedKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** Needed by CDI for the client proxy of an application-scoped bean. */
  protected PageTokens() {
    this.key = null;
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
    JsonObjectBuilder keyJson = JSON.createObjectBuilder();
    lastKey.forEach(
        (name, value) -> {
          if (value.s() != null) {
            keyJson.add(name, JSON.createObjectBuilder().add("S", value.s()));
          } else if (value.n() != null) {
            keyJson.add(name, JSON.createObjectBuilder().add("N", value.n()));
          } else {
            throw new IllegalArgumentException("key attribute " + name + " is neither S nor N");
          }
        });
    byte[] plain = keyJson.build().toString().getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[NONCE_BYTES];
    NONCES.nextBytes(nonce);
    byte[] sealed;
    try {
      sealed = cipher(Cipher.ENCRYPT_MODE, nonce, tenantId, query).doFinal(plain);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer token = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
    token.put(VERSION).put(nonce).put(sealed);
    return B64.encodeToString(token.array());
  }

  /**
   * @return the key to continue from, or null for the first page (no token)
   * @throws ApiException 400 when the token is not one this server gave for this tenant and query
   */
  public Map<String, AttributeValue> decode(String tenantId, String query, String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    JsonObject payload = opened(tenantId, query, token.strip());
    Map<String, AttributeValue> lastKey = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, JsonValue> entry : payload.entrySet()) {
        JsonObject value = entry.getValue().asJsonObject();
        lastKey.put(
            entry.getKey(),
            value.containsKey("S")
                ? AttributeValue.fromS(value.getString("S"))
                : AttributeValue.fromN(value.getString("N")));
      }
    } catch (ClassCastException | NullPointerException e) {
      throw invalid();
    }
    return lastKey;
  }

  /**
   * {@link #encode} for a place in a listing the server orders itself (not DynamoDB's key): a
   * position given by text fields, such as a name, or a start time and a name.
   *
   * @return the token, or null when there is no further page ({@code position} null)
   */
  public String encodePosition(String tenantId, String query, Map<String, String> position) {
    if (position == null) {
      return null;
    }
    Map<String, AttributeValue> fields = new LinkedHashMap<>();
    position.forEach((name, value) -> fields.put(name, AttributeValue.fromS(value)));
    return encode(tenantId, query, fields);
  }

  /**
   * @return the position {@link #encodePosition} sealed, or null for the first page (no token)
   * @throws ApiException 400 when the token is not one this server gave for this tenant and query
   */
  public Map<String, String> decodePosition(String tenantId, String query, String token) {
    Map<String, AttributeValue> fields = decode(tenantId, query, token);
    if (fields == null) {
      return null;
    }
    Map<String, String> position = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> field : fields.entrySet()) {
      if (field.getValue().s() == null) {
        throw invalid();
      }
      position.put(field.getKey(), field.getValue().s());
    }
    return position;
  }

  private JsonObject opened(String tenantId, String query, String token) {
    byte[] bytes;
    try {
      bytes = B64D.decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    // Only the one spelling this server writes: base64 leaves a few bits of the last character
    // unused, and a token that differs there is still not the token that was given.
    if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8
        || bytes[0] != VERSION
        || !B64.encodeToString(bytes).equals(token)) {
      throw invalid();
    }
    byte[] nonce = Arrays.copyOfRange(bytes, 1, 1 + NONCE_BYTES);
    byte[] plain;
    try {
      plain =
          cipher(Cipher.DECRYPT_MODE, nonce, tenantId, query)
              .doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw invalid();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    try (JsonReader reader =
        JSON.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (JsonParsingException e) {
      throw invalid();
    }
  }

  /** Tenant and query are associated data: a token opens only for the listing it was given for. */
  private Cipher cipher(int mode, byte[] nonce, String tenantId, String query) {
    try {
      Cipher cipher = Cipher.getInstance(AES_GCM);
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(
          JSON.createArrayBuilder()
              .add(tenantId)
              .add(query)
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * HKDF-SHA256 (RFC 5869) of the configured secret, one 32-byte block: an AES-256 key used for
   * nothing else, so the secret itself never keys a cipher.
   */
  static SecretKeySpec derivedKey(byte[] secret) {
    try {
      Mac extract = Mac.getInstance(HMAC);
      extract.init(new SecretKeySpec(SALT, HMAC));
      byte[] prk = extract.doFinal(secret);
      Mac expand = Mac.getInstance(HMAC);
      expand.init(new SecretKeySpec(prk, HMAC));
      expand.update(INFO);
      expand.update((byte) 1);
      return new SecretKeySpec(expand.doFinal(), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiException invalid() {
    return ApiException.badRequest(
        "next_token is not valid for this list; send it back exactly as received.");
  }
}
