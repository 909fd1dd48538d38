package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document: open to the cluster, no token needed. */
class OperationsIT {

  @Test
  void readinessReportsDynamoDbAndAllItsTables() {
    var reply = Api.anonymous().get("/health/ready");
    assertThat(reply.status()).isEqualTo(200);
    JsonObject check = reply.json().getJsonArray("checks").getJsonObject(0);
    assertThat(check.getString("name")).isEqualTo("dynamodb");
    assertThat(check.getString("status")).isEqualTo("UP");
    assertThat(check.getJsonObject("data").getInt("missing_tables")).isZero();
    for (String table : java.util.List.of("logs", "faq", "prompts", "tasks", "audit", "phones")) {
      assertThat(reply.body()).as("a table's name").doesNotContain(RawDynamo.table(table));
    }
  }

  @Test
  void everyApiResponseForbidsCachingSniffingAndFraming() {
    for (var reply :
        java.util.List.of(
            Api.as(Tokens.person("headers")).get("/me"), Api.anonymous().get("/me"))) {
      assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
      assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'");
    }
  }

  @Test
  void livenessAndStartupNeedNoToken() {
    assertThat(Api.anonymous().get("/health/live").status()).isEqualTo(200);
    assertThat(Api.anonymous().get("/health/started").status()).isEqualTo(200);
  }

  @Test
  void metricsCountRequestsPerRoute() {
    Api.as(Tokens.person("metrics")).get("/me").ok();

    var reply = Api.anonymous().get("/metrics");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("http_server_request_duration_seconds")
        .contains("http_route=\"/me\"");
  }

  @Test
  void theOpenApiDocumentListsTheRoutes() {
    var reply = Api.anonymous().header("Accept", "application/json").get("/openapi");
    assertThat(reply.status()).isEqualTo(200);
    JsonObject paths = reply.json().getJsonObject("paths");
    assertThat(paths.keySet()).contains("/me", "/prompt");
    assertThat(Api.anonymous().get("/openapi/ui/").status()).isEqualTo(200);
  }

  /**
   * Bodies read into records are documented from those records, with the field names that travel
   * (snake_case) and what is required, so a client can be written from the document alone.
   */
  @Test
  void theOpenApiDocumentDescribesRequestBodiesAsTheyTravel() {
    JsonObject document =
        Api.anonymous().header("Accept", "application/json").get("/openapi").json();
    JsonObject newFaq = bodySchema(document, "/faq", "post");
    assertThat(newFaq.getJsonObject("properties").keySet()).contains("question", "answer");
    assertThat(newFaq.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString))
        .contains("question", "answer");
    assertThat(bodySchema(document, "/faq/{question}", "put").getJsonObject("properties"))
        .containsOnlyKeys("answer");
    JsonObject turn = bodySchema(document, "/call", "post");
    assertThat(turn.getJsonObject("properties").keySet())
        .contains("phone_number", "ts", "user_text", "assistant_text", "call_sid");
    assertThat(bodySchema(document, "/task", "post").getJsonObject("properties").keySet())
        .contains("name", "phone_number", "start_datetime");
    JsonObject webhook = bodySchema(document, "/webhooks", "post");
    assertThat(webhook.getJsonObject("properties").keySet())
        .containsOnly("url", "events", "description");
    assertThat(webhook.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString))
        .containsOnly("url", "events");
  }

  /**
   * Answers are documented with the field names they are written with (JSON-B snake_case, {@code
   * platform.JsonConfig}): a client generated from the document reads {@code next_token}, not
   * {@code nextToken}, which the JSON never has.
   */
  @Test
  void theOpenApiDocumentNamesAnswerFieldsAsTheyTravel() {
    JsonObject document =
        Api.anonymous().header("Accept", "application/json").get("/openapi").json();
    String ref =
        document
            .getJsonObject("paths")
            .getJsonObject("/calls")
            .getJsonObject("get")
            .getJsonObject("responses")
            .getJsonObject("200")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema")
            .getString("$ref");
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(
            schemas
                .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1))
                .getJsonObject("properties")
                .keySet())
        .containsOnly("ok", "items", "next_token");
    java.util.List<String> camel = new java.util.ArrayList<>();
    schemas.forEach(
        (name, schema) -> {
          JsonObject properties = schema.asJsonObject().getJsonObject("properties");
          if (properties != null) {
            properties.keySet().stream()
                .filter(field -> !field.equals(field.toLowerCase(java.util.Locale.ROOT)))
                .forEach(field -> camel.add(name + "." + field));
          }
        });
    assertThat(camel).as("schema fields the JSON never has").isEmpty();
  }

  /**
   * A parameter is identified by its name and location; listing one twice on an operation (say
   * {@code Idempotency-Key} from an annotation and from the document filter) makes the document
   * invalid for OpenAPI validators and client generators.
   */
  @Test
  void noOperationListsAParameterTwice() {
    JsonObject paths =
        Api.anonymous()
            .header("Accept", "application/json")
            .get("/openapi?format=JSON")
            .json()
            .getJsonObject("paths");
    java.util.List<String> twice = new java.util.ArrayList<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, operation) -> {
                      if (!(operation instanceof JsonObject op) || !op.containsKey("parameters")) {
                        return;
                      }
                      java.util.Set<String> seen = new java.util.HashSet<>();
                      for (var parameter : op.getJsonArray("parameters")) {
                        JsonObject p = parameter.asJsonObject();
                        String id =
                            p.containsKey("$ref")
                                ? p.getString("$ref")
                                : p.getString("in") + " " + p.getString("name");
                        if (!seen.add(id)) {
                          twice.add(method + " " + path + ": " + id);
                        }
                      }
                    }));
    assertThat(twice).as("parameters listed twice").isEmpty();
  }

  private static JsonObject bodySchema(JsonObject document, String path, String method) {
    String ref =
        document
            .getJsonObject("paths")
            .getJsonObject(path)
            .getJsonObject(method)
            .getJsonObject("requestBody")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema")
            .getString("$ref");
    return document
        .getJsonObject("components")
        .getJsonObject("schemas")
        .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
