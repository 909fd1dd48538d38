package jp.uketsuke.compat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;

/**
 * The old admin console as the contract observed it: a person's Cognito ID token on every call,
 * never {@code x-client-id}, and the same reading of each answer as its React code, so that an
 * answer it would misread fails here instead of blanking the page of a real user.
 */
final class Console {
  final Api api;

  private Console(Api api) {
    this.api = api;
  }

  static Console of(String tenant) {
    return new Console(Api.as(Tokens.person(tenant)));
  }

  /**
   * {@code (data.phones || data.items || [])}, each rendered as a React child: anything but a
   * string (an object) throws during render, and without an error boundary the app unmounts.
   */
  static List<String> phones(JsonObject data) {
    JsonValue list = truthy(data, "phones") ? data.get("phones") : data.get("items");
    if (list == null || list == JsonValue.NULL) {
      return List.of();
    }
    JsonArray array = list.asJsonArray();
    assertThat(array)
        .as("every phone the console renders is a string")
        .allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING);
    return array.getValuesAs(JsonString::getString);
  }

  /** {@code data.items || data.calls}: the turns of a {@code /calls} page. */
  static List<JsonObject> calls(JsonObject data) {
    String field = truthy(data, "items") ? "items" : "calls";
    assertThat(truthy(data, field)).as("items or calls is an array").isTrue();
    return data.getJsonArray(field).getValuesAs(JsonObject.class);
  }

  /** {@code next_token}, which the console sends back as it got it; null at the end. */
  static String nextToken(JsonObject data) {
    return truthy(data, "next_token") ? data.getString("next_token") : null;
  }

  /**
   * On any non-2xx the console shows the body's {@code error}: it must be there, and say something.
   */
  static String error(Reply reply) {
    assertThat(reply.status()).as("a failure").isGreaterThanOrEqualTo(400);
    JsonObject body = reply.json();
    assertThat(body.get("error")).as("error").isInstanceOf(JsonString.class);
    String error = body.getString("error");
    assertThat(error).isNotBlank();
    return error;
  }

  /** JavaScript's {@code encodeURIComponent}. */
  static String encodeURIComponent(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%21", "!")
        .replace("%27", "'")
        .replace("%28", "(")
        .replace("%29", ")")
        .replace("%7E", "~");
  }

  /** A JavaScript truthiness check of a JSON field (absent, null, false, "" and 0 are falsy). */
  private static boolean truthy(JsonObject data, String field) {
    JsonValue value = data.get(field);
    if (value == null) {
      return false;
    }
    return switch (value.getValueType()) {
      case NULL, FALSE -> false;
      case STRING -> !((JsonString) value).getString().isEmpty();
      case NUMBER -> data.getJsonNumber(field).doubleValue() != 0;
      default -> true;
    };
  }
}
