package jp.uketsuke.faq;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.RawDynamo;
import jp.uketsuke.testing.Reply;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** FAQ test helpers: paths, bodies, imports, and a look at what the tables hold. */
final class FaqData {

  private FaqData() {}

  /** The question as one percent-encoded path segment (a space as %20, never +). */
  static String path(String question) {
    return "/faq/" + URLEncoder.encode(question, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String body(String question, String answer) {
    return Json.createObjectBuilder()
        .add("question", question)
        .add("answer", answer)
        .build()
        .toString();
  }

  static String answerBody(String answer) {
    return Json.createObjectBuilder().add("answer", answer).build().toString();
  }

  static String jsonArray(List<String[]> rows) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    rows.forEach(
        r -> array.add(Json.createObjectBuilder().add("question", r[0]).add("answer", r[1])));
    return array.build().toString();
  }

  static Reply importCsv(Api api, String csv, boolean dryRun) {
    return importBytes(
        api, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8), dryRun);
  }

  static Reply importBytes(Api api, String type, byte[] body, boolean dryRun) {
    return api.header("Content-Type", type)
        .send(
            "POST",
            "/faqs/import" + (dryRun ? "?dry_run=true" : ""),
            BodyPublishers.ofByteArray(body));
  }

  /** {@code n} entries {@code prefix-0001 ...} as CSV. */
  static String csvOf(String prefix, int n) {
    StringBuilder csv = new StringBuilder("question,answer\n");
    for (int i = 1; i <= n; i++) {
      csv.append(String.format("%s-%05d,answer %d\n", prefix, i, i));
    }
    return csv.toString();
  }

  static List<String> questions(JsonObject listing) {
    return listing.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("question"))
        .toList();
  }

  /** The tenant's FAQ version stamp as stored in app-prompts (0 when absent). */
  static long version(String tenant) {
    Map<String, AttributeValue> item =
        dynamo()
            .getItem(
                b ->
                    b.tableName("app-prompts")
                        .key(
                            Map.of(
                                "client_id", AttributeValue.fromS(tenant),
                                "id", AttributeValue.fromS("faq-version"))))
            .item();
    return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("version").n());
  }

  /** Writes an item the way the old system did: no timestamps. */
  static void putLegacy(String tenant, String question, String answer) {
    dynamo()
        .putItem(
            b ->
                b.tableName("app-faq")
                    .item(
                        Map.of(
                            "client_id", AttributeValue.fromS(tenant),
                            "question", AttributeValue.fromS(question),
                            "answer", AttributeValue.fromS(answer))));
  }

  /** Adds uses to a FAQ's use_count the way the retriever counts them. */
  static void addUses(String tenant, String question, int uses) {
    dynamo()
        .updateItem(
            b ->
                b.tableName("app-faq")
                    .key(
                        Map.of(
                            "client_id", AttributeValue.fromS(tenant),
                            "question", AttributeValue.fromS(question)))
                    .updateExpression("ADD use_count :n")
                    .expressionAttributeValues(
                        Map.of(":n", AttributeValue.fromN(Integer.toString(uses)))));
  }

  static DynamoDbClient dynamo() {
    return RawDynamo.client();
  }
}
