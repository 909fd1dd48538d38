package jp.uketsuke.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class JsonAttributesTest {
  static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":1,"
          + "\"maximum\":123456789012345678901234567890,\"multipleOf\":1.5,\"default\":1e3},"
          + "\"z\":{\"const\":-0,\"enum\":[0.10,1E-7,-2]},\"b\":{\"default\":true},"
          + "\"x\":{\"default\":null,\"examples\":[false,[],{}]}},\"required\":[\"n\"]}";

  @Test
  void everyNumberBooleanNullAndNestingSurvivesTheRoundTripToTheLetter() {
    JsonValue parsed = ExactJson.parse(SCHEMA);
    AttributeValue stored = JsonAttributes.toAttribute(parsed);
    assertThat(JsonAttributes.toJson(stored).toString()).isEqualTo(SCHEMA);
  }

  @Test
  void numbersAreStoredAsNWithTheirOwnText() {
    AttributeValue stored =
        JsonAttributes.toAttribute(ExactJson.parse("{\"a\":1,\"b\":1.50,\"c\":-0}"));
    assertThat(stored.m().get("a").n()).isEqualTo("1");
    assertThat(stored.m().get("b").n()).isEqualTo("1.50");
    assertThat(stored.m().get("c").n()).isEqualTo("-0");
    assertThat(JsonAttributes.toAttribute(JsonValue.NULL).nul()).isTrue();
  }

  @Test
  void oldItemsWithSetsAndBinaryAreReadAsArraysAndText() {
    AttributeValue old =
        AttributeValue.fromM(
            Map.of(
                "ss", AttributeValue.fromSs(List.of("a")),
                "ns", AttributeValue.fromNs(List.of("2")),
                "b", AttributeValue.fromB(SdkBytes.fromUtf8String("hi"))));
    var json = JsonAttributes.toJsonObject(old);
    assertThat(json.getJsonArray("ss").getString(0)).isEqualTo("a");
    assertThat(json.getJsonArray("ns").getJsonNumber(0).toString()).isEqualTo("2");
    assertThat(json.getString("b")).isEqualTo("aGk=");
  }

  @Test
  void tooDeepNestingIsTheClientsMistakeAndBadJsonIsAParsingError() {
    String deep = "[".repeat(40) + "]".repeat(40);
    assertThatThrownBy(() -> JsonAttributes.toAttribute(ExactJson.parse(deep)))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ExactJson.parse("{\"a\":")).isInstanceOf(JsonParsingException.class);
    assertThatThrownBy(() -> ExactJson.parse("{} {}")).isInstanceOf(JsonParsingException.class);
  }
}
