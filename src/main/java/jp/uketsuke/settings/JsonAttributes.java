package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.ApiException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON values as DynamoDB attributes and back: objects are maps, arrays lists, numbers {@code N}
 * with the number's own text, so nothing is rounded or turned into a float on the way.
 */
public final class JsonAttributes {
  /** DynamoDB allows 32 levels of nesting; a deeper config is refused with 400, not a 500. */
  static final int MAX_DEPTH = 30;

  private JsonAttributes() {}

  public static AttributeValue toAttribute(JsonValue value) {
    return toAttribute(value, 0);
  }

  private static AttributeValue toAttribute(JsonValue value, int depth) {
    if (depth > MAX_DEPTH) {
      throw ApiException.badRequest("config is nested more than " + MAX_DEPTH + " levels deep.");
    }
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, toAttribute(v, depth + 1)));
        yield AttributeValue.fromM(map);
      }
      case ARRAY -> {
        List<AttributeValue> list = new ArrayList<>();
        value.asJsonArray().forEach(v -> list.add(toAttribute(v, depth + 1)));
        yield AttributeValue.fromL(list);
      }
      case STRING -> AttributeValue.fromS(((JsonString) value).getString());
      case NUMBER -> AttributeValue.fromN(((JsonNumber) value).toString());
      case TRUE -> AttributeValue.fromBool(true);
      case FALSE -> AttributeValue.fromBool(false);
      case NULL -> AttributeValue.fromNul(true);
    };
  }

  /** Reads what this service and the old system wrote, sets and binaries included. */
  public static JsonValue toJson(AttributeValue value) {
    switch (value.type()) {
      case M:
        JsonObjectBuilder object = JSON.createObjectBuilder();
        value.m().forEach((k, v) -> object.add(k, toJson(v)));
        return object.build();
      case L:
        JsonArrayBuilder array = JSON.createArrayBuilder();
        value.l().forEach(v -> array.add(toJson(v)));
        return array.build();
      case S:
        return JSON.createValue(value.s());
      case N:
        return ExactJson.number(value.n());
      case BOOL:
        return value.bool() ? JsonValue.TRUE : JsonValue.FALSE;
      case SS:
        return JSON.createArrayBuilder(value.ss()).build();
      case NS:
        JsonArrayBuilder numbers = JSON.createArrayBuilder();
        value.ns().forEach(n -> numbers.add(ExactJson.number(n)));
        return numbers.build();
      case B:
        return JSON.createValue(Base64.getEncoder().encodeToString(value.b().asByteArray()));
      default:
        return JsonValue.NULL;
    }
  }

  public static JsonObject toJsonObject(AttributeValue value) {
    return toJson(value).asJsonObject();
  }

  public static JsonArray toJsonArray(AttributeValue value) {
    return toJson(value).asJsonArray();
  }
}
