package jp.uketsuke.settings;

import static jp.uketsuke.settings.Configs.configOf;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET|PUT /ext-tools}: shape, masked secrets, URL and placeholder rules, access. */
class ExtToolsIT {
  static String tool(String name, String url, String extra) {
    return "{\"name\": \""
        + name
        + "\", \"description\": \"天気\", \"method\": \"GET\", \"url\": \""
        + url
        + "\", \"headers\": {\"Authorization\": \"Bearer sk-secret-123\"},"
        + " \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\":"
        + " \"string\", \"minLength\": 1}}}, \"timeout\": 5"
        + extra
        + "}";
  }

  static String config(String... tools) {
    return "{\"config\": {\"ext_tools\": [" + String.join(", ", tools) + "]}}";
  }

  @Test
  void aNewTenantHasNoExtTools() {
    assertThat(configOf(Api.as(Tokens.person("ext-new")).get("/ext-tools").body()))
        .isEqualTo("{\"ext_tools\":[]}");
  }

  @Test
  void headerValuesAreShownMaskedAndAMaskSentBackKeepsTheStoredSecret() {
    Api owner = Api.as(Tokens.person("ext-mask"));
    owner
        .put("/ext-tools", config(tool("weather", "https://api.example.com/w?q={{city}}", "")))
        .ok();

    JsonObject shown = owner.get("/ext-tools").ok().getJsonObject("config");
    JsonObject tool = shown.getJsonArray("ext_tools").getJsonObject(0);
    assertThat(tool.getJsonObject("headers").getString("Authorization")).isEqualTo("••••");
    assertThat(tool.getInt("timeout")).isEqualTo(5);
    assertThat(owner.get("/ext-tools").body()).doesNotContain("sk-secret");

    String sentBack =
        tool("weather", "https://api.example.com/v2?q={{city}}", "")
            .replace("Bearer sk-secret-123", "••••");
    owner.put("/ext-tools", config(sentBack)).ok();
    AttributeValue stored = Configs.rawItem("ext-mask", "ext-tools").get("content");
    var storedTool = stored.m().get("ext_tools").l().get(0).m();
    assertThat(storedTool.get("headers").m().get("Authorization").s())
        .isEqualTo("Bearer sk-secret-123");
    assertThat(storedTool.get("url").s()).contains("/v2");

    String unknownMasked =
        tool("other", "https://api.example.com/", "").replace("Bearer sk-secret-123", "••••");
    owner.put("/ext-tools", config(unknownMasked)).problem(400);
    assertThat(owner.get("/audit").body()).doesNotContain("sk-secret");
  }

  @Test
  void urlsThatReachInternalAddressesOrLeakCredentialsAreRefused() {
    Api owner = Api.as(Tokens.person("ext-urls"));
    for (String url :
        List.of(
            "http://api.example.com/",
            "https://user:pass@api.example.com/",
            "https://169.254.169.254/latest/meta-data",
            "https://127.0.0.1/",
            "https://10.1.2.3/",
            "https://192.168.0.1/",
            "https://172.16.5.4/",
            "https://0.0.0.0/",
            "https://[::1]/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::127.0.0.1]/",
            "https://[64:ff9b::a9fe:a9fe]/",
            "https://[2002:a9fe:a9fe::]/",
            "https://2130706433/",
            "https://localhost/",
            "https://{{city}}.example.com/",
            "ftp://api.example.com/",
            "/relative")) {
      JsonObject problem = owner.put("/ext-tools", config(tool("t", url, ""))).problem(400);
      assertThat(problem.getString("error")).as(url).contains("config.ext_tools[0].url");
    }
    owner.put("/ext-tools", config(tool("dev", "http://tools.dev.test:8080/x", ""))).ok();
    owner.put("/ext-tools", config(tool("ipv4", "https://93.184.216.34/x", ""))).ok();
    owner.put("/ext-tools", config(tool("hexlike", "https://cafe.de/menu", ""))).ok();
  }

  @Test
  void otherRulesAre400NamingTheOffendingPath() {
    Api owner = Api.as(Tokens.person("ext-rules"));
    String ok = tool("a", "https://api.example.com/", "");
    assertError(owner, config(ok, ok), "config.ext_tools[1].name");
    assertError(
        owner, config(tool("b c", "https://x.example.com/", "")), "config.ext_tools[0].name");
    assertError(owner, config(ok.replace("\"GET\"", "\"FETCH\"")), "config.ext_tools[0].method");
    assertError(
        owner,
        config(ok.replace("\"timeout\": 5", "\"timeout\": 16")),
        "config.ext_tools[0].timeout");
    assertError(
        owner,
        config(ok.replace("\"timeout\": 5", "\"timeout\": 0")),
        "config.ext_tools[0].timeout");
    assertError(
        owner,
        config(tool("a", "https://api.example.com/{{town}}", "")),
        "config.ext_tools[0].url uses {{town}}");
    assertError(
        owner,
        config(tool("a", "https://api.example.com/", ", \"body\": {\"q\": [\"{{zip}}\"]}")),
        "config.ext_tools[0].body.q[0] uses {{zip}}");
    assertError(
        owner,
        config(ok.replace("\"minLength\": 1", "\"minLength\": -1")),
        "config.ext_tools[0].parameters.properties.city.minLength");
    assertError(owner, "{\"config\": {}}", "config.ext_tools");
    owner
        .put(
            "/ext-tools", config(tool("a", "https://api.example.com/", ", \"body\": \"{{city}}\"")))
        .ok();
  }

  @Test
  void theVoiceServerReadsButCannotChangeAndOtherTenantsSeeNothing() {
    Api a = Api.as(Tokens.person("ext-a"));
    a.put("/ext-tools", config(tool("a_only", "https://api.example.com/", ""))).ok();
    Api voice = Api.as(Tokens.service()).header("x-client-id", "ext-a");

    assertThat(voice.get("/ext-tools").body()).contains("a_only").doesNotContain("sk-secret");
    voice.put("/ext-tools", config()).problem(403);
    assertThat(Api.as(Tokens.person("ext-b")).get("/ext-tools").body()).doesNotContain("a_only");
    Api.anonymous().get("/ext-tools").problem(401);
    Api.anonymous().put("/ext-tools", config()).problem(401);
  }

  private static void assertError(Api api, String body, String expected) {
    assertThat(api.put("/ext-tools", body).problem(400).getString("error"))
        .as(body)
        .contains(expected);
  }
}
