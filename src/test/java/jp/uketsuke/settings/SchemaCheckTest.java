package jp.uketsuke.settings;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

  @Test
  void aSchemaFullOfNumbersIsValid() {
    assertThatCode(
            () -> SchemaCheck.requireSchemaObject(ExactJson.parse(JsonAttributesTest.SCHEMA), "p"))
        .doesNotThrowAnyException();
  }

  @Test
  void aBrokenSchemaIsRefusedNamingThePlaceInsideIt() {
    assertThatThrownBy(
            () ->
                SchemaCheck.requireSchemaObject(
                    ExactJson.parse(
                        "{\"type\":\"object\",\"properties\":{\"n\":{\"minimum\":\"1\"}}}"),
                    "config.tools[2].function.parameters"))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("config.tools[2].function.parameters.properties.n.minimum ");
    assertThatThrownBy(
            () -> SchemaCheck.requireSchemaObject(ExactJson.parse("{\"type\":\"strin\"}"), "p"))
        .hasMessageStartingWith("p.type ");
    assertThatThrownBy(() -> SchemaCheck.requireSchemaObject(ExactJson.parse("[]"), "p"))
        .hasMessage("p must be a JSON Schema object.");
  }
}
