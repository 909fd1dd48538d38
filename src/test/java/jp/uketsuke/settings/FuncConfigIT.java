package jp.uketsuke.settings;

import static jp.uketsuke.settings.Configs.canonical;
import static jp.uketsuke.settings.Configs.configOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET|PUT /func-config}: default, exact numbers, legacy items, validation, access. */
class FuncConfigIT {
  static final String TOOLS =
      "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"create_task\","
          + "\"description\":\"予約を作る\",\"parameters\":"
          + JsonAttributesTest.SCHEMA
          + "}},{\"type\":\"function\",\"function\":{\"name\":\"list_tasks\"}}],"
          + "\"instructions\":\"丁寧に\",\"temperature\":0.70,\"parallel\":false,\"extra\":null}";

  @Test
  void aNewTenantGetsTheDefaultConfig() {
    String body = Api.as(Tokens.person("func-new")).get("/func-config").ok().toString();
    assertThat(configOf(body)).isEqualTo("{\"instructions\":\"\",\"tools\":[]}");
  }

  @Test
  void aToolSchemaFullOfNumbersRoundTripsExactlyAndIsStoredAsAMap() {
    Api owner = Api.as(Tokens.person("func-exact"));
    owner.put("/func-config", "{\"config\": " + TOOLS + "}").ok();

    String body = owner.get("/func-config").body();
    assertThat(configOf(body)).isEqualTo(canonical(ExactJson.parse(TOOLS)));
    assertThat(body)
        .contains("\"minimum\":1,", "\"multipleOf\":1.5", "123456789012345678901234567890")
        .doesNotContain("1.0,", "E+", "\"1\"");
    AttributeValue content = Configs.rawItem("func-exact", "functions").get("content");
    AttributeValue minimum =
        content
            .m()
            .get("tools")
            .l()
            .get(0)
            .m()
            .get("function")
            .m()
            .get("parameters")
            .m()
            .get("properties")
            .m()
            .get("n")
            .m()
            .get("minimum");
    assertThat(minimum.n()).isEqualTo("1");
  }

  @Test
  void legacyItemsHoldingTheConfigAsAJsonStringOrAMapAreRead() {
    String legacy =
        "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"t\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"n\":{\"minimum\":1}}}}}]}";
    Configs.putRaw("func-legacy-s", "functions", AttributeValue.fromS(legacy));
    Configs.putRaw(
        "func-legacy-m",
        "functions",
        AttributeValue.fromM(
            Map.of(
                "instructions", AttributeValue.fromS("旧"),
                "max", AttributeValue.fromN("3"),
                "tools", AttributeValue.fromL(List.of()))));

    String fromString = Api.as(Tokens.person("func-legacy-s")).get("/func-config").ok().toString();
    assertThat(configOf(fromString)).isEqualTo(canonical(ExactJson.parse(legacy)));
    String fromMap = Api.as(Tokens.person("func-legacy-m")).get("/func-config").ok().toString();
    assertThat(configOf(fromMap)).isEqualTo("{\"instructions\":\"旧\",\"max\":3,\"tools\":[]}");
  }

  @Test
  void invalidConfigsAre400NamingTheOffendingPath() {
    Api owner = Api.as(Tokens.person("func-bad"));
    Map<String, String> cases =
        Map.of(
            "{\"config\": []}",
            "config must be an object",
            "{\"config\": {\"tools\": {}}}",
            "config.tools must be an array",
            "{\"config\": {\"tools\": [{\"type\": \"web\"}]}}",
            "config.tools[0].type",
            "{\"config\": {\"tools\": [" + tool("ok") + ", " + tool("bad name") + "]}}",
            "config.tools[1].function.name",
            "{\"config\": {\"tools\": [" + tool("a") + ", " + tool("a") + "]}}",
            "config.tools[1].function.name repeats",
            "{\"config\": {\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"x\","
                + " \"parameters\": {\"type\": \"object\", \"properties\": {\"n\":"
                + " {\"minimum\": \"1\"}}}}}]}}",
            "config.tools[0].function.parameters.properties.n.minimum",
            "{\"config\": {\"instructions\": 3}}",
            "config.instructions must be a string",
            "{\"tools\": []}",
            "config");
    cases.forEach(
        (body, expected) ->
            assertThat(owner.put("/func-config", body).problem(400).getString("error"))
                .as(body)
                .contains(expected));
    owner.put("/func-config", "{\"config\": {").problem(400);
    assertThat(configOf(owner.get("/func-config").body()))
        .isEqualTo("{\"instructions\":\"\",\"tools\":[]}");
  }

  @Test
  void onlyPeopleOfTheTenantChangeItAndNoOtherTenantSeesIt() {
    Api a = Api.as(Tokens.person("func-a"));
    a.put("/func-config", "{\"config\": {\"tools\": [" + tool("secret_tool") + "]}}").ok();
    Api voice = Api.as(Tokens.service()).header("x-client-id", "func-a");

    assertThat(voice.get("/func-config").body()).contains("secret_tool");
    voice.put("/func-config", "{\"config\": {\"tools\": []}}").problem(403);
    assertThat(Api.as(Tokens.person("func-b")).get("/func-config").body())
        .doesNotContain("secret_tool");
    Api.anonymous().get("/func-config").problem(401);
    Api.anonymous().put("/func-config", "{\"config\": {}}").problem(401);
    assertThat(a.get("/audit").ok().getJsonArray("items").getJsonObject(0).getString("action"))
        .isEqualTo("func-config.update");
  }

  static String tool(String name) {
    return "{\"type\": \"function\", \"function\": {\"name\": \"" + name + "\"}}";
  }
}
