package jp.uketsuke.tenant;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The claims of a token Liberty has verified, read from its payload. Cognito's own claims ({@code
 * token_use}, {@code custom:tenant_id}, {@code cognito:groups}, {@code client_id}, {@code scope})
 * are no MicroProfile standard claims, and Liberty's {@code JsonWebToken.getClaim} answers such a
 * name only after throwing and catching an exception with a full stack trace (three per request, a
 * few percent of a request's CPU in a profile). The payload is the one whose signature, issuer and
 * lifetime Liberty checked for this request, so reading it again trusts nothing new.
 */
record VerifiedClaims(JsonObject payload) {
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  static VerifiedClaims of(JsonWebToken token) {
    String[] parts = token.getRawToken().split("\\.", -1);
    if (parts.length != 3) {
      throw ApiException.unauthorized("A valid bearer token is required.");
    }
    try (JsonReader reader =
        READERS.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(parts[1])))) {
      return new VerifiedClaims(reader.readObject());
    } catch (RuntimeException e) { // not base64 or not a JSON object: Liberty would not pass it
      throw ApiException.unauthorized("A valid bearer token is required.");
    }
  }

  /** The claim as text (numbers and booleans as written), or null when absent or null. */
  String string(String name) {
    JsonValue value = payload.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  /** The claim as a set of texts: each element of an array, or the one value; empty when absent. */
  Set<String> strings(String name) {
    JsonValue value = payload.get(name);
    Set<String> values = new LinkedHashSet<>();
    if (value instanceof JsonArray array) {
      for (JsonValue element : array) {
        if (element instanceof JsonString s) {
          values.add(s.getString());
        }
      }
    } else if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
      values.add(string(name));
    }
    return Set.copyOf(values);
  }
}
