package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JSON whose numbers keep the text they were written with. The old system turned {@code minimum: 1}
 * into a float and broke every chat; here {@code 1} stays {@code 1}, {@code 1.50} stays {@code
 * 1.50}, big integers keep every digit, from the request through DynamoDB back to the response.
 */
public final class ExactJson {
  private ExactJson() {}

  /**
   * @throws JsonParsingException when the text is not one JSON value (answered as 400)
   */
  public static JsonValue parse(String text) {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw new JsonParsingException("empty document", parser.getLocation());
      }
      JsonValue value = read(parser, parser.next());
      if (parser.hasNext()) {
        throw new JsonParsingException("more than one value", parser.getLocation());
      }
      return value;
    }
  }

  /** A number by its text, e.g. as DynamoDB returns an {@code N} attribute. */
  public static JsonNumber number(String text) {
    new BigDecimal(text); // refuses text that is not a number, before anything stores it
    return new TextNumber(text);
  }

  private static JsonValue read(JsonParser parser, JsonParser.Event event) {
    return switch (event) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> JSON.createValue(parser.getString());
      case VALUE_NUMBER -> number(parser.getString());
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      default -> throw new JsonParsingException("unexpected " + event, parser.getLocation());
    };
  }

  private static JsonValue readObject(JsonParser parser) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    for (JsonParser.Event event = parser.next();
        event != JsonParser.Event.END_OBJECT;
        event = parser.next()) {
      String key = parser.getString();
      object.add(key, read(parser, parser.next()));
    }
    return object.build();
  }

  private static JsonValue readArray(JsonParser parser) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (JsonParser.Event event = parser.next();
        event != JsonParser.Event.END_ARRAY;
        event = parser.next()) {
      array.add(read(parser, event));
    }
    return array.build();
  }

  /** A JSON number that writes itself back exactly as it was read. */
  record TextNumber(String text) implements JsonNumber {
    @Override
    public boolean isIntegral() {
      return bigDecimalValue().scale() <= 0;
    }

    @Override
    public int intValue() {
      return bigDecimalValue().intValue();
    }

    @Override
    public int intValueExact() {
      return bigDecimalValue().intValueExact();
    }

    @Override
    public long longValue() {
      return bigDecimalValue().longValue();
    }

    @Override
    public long longValueExact() {
      return bigDecimalValue().longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
      return bigDecimalValue().toBigInteger();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
      return bigDecimalValue().toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
      return bigDecimalValue().doubleValue();
    }

    @Override
    public BigDecimal bigDecimalValue() {
      return new BigDecimal(text);
    }

    @Override
    public ValueType getValueType() {
      return ValueType.NUMBER;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
