package jp.uketsuke.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code k8s/aws/}: the table definitions match the contract's keys and the service's table names,
 * and the service role may call exactly the DynamoDB actions the code uses, on exactly those tables
 * and indexes.
 */
class AwsDefinitionsTest {
  private static final Path AWS = Manifests.PROJECT.resolve("k8s/aws");
  private static final Path SOURCES = Manifests.PROJECT.resolve("src/main/java");

  /** A call of the DynamoDB client in our code: {@code dynamoDb.getItem(}, {@code .query(}... */
  private static final Pattern CLIENT_CALL =
      Pattern.compile(
          "\\.(getItem|batchGetItem|putItem|updateItem|deleteItem|query|queryPaginator|scan"
              + "|scanPaginator|batchWriteItem|describeTable|transactWriteItems|transactGetItems)\\(");

  private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("app-logs", List.of("client_id", "sk"));
    KEYS.put("app-faq", List.of("client_id", "question"));
    KEYS.put("app-prompts", List.of("client_id", "id"));
    KEYS.put("app-tasks", List.of("client_id", "name"));
    KEYS.put("app-audit", List.of("client_id", "sk"));
    KEYS.put("app-phones", List.of("client_id", "phone_number"));
    KEYS.put("app-usage", List.of("client_id", "sk"));
    KEYS.put("app-transcripts", List.of("client_id", "recording_sid"));
    KEYS.put("app-idempotency", List.of("client_id", "key"));
    KEYS.put("app-call-sids", List.of("call_sid"));
    KEYS.put("app-webhooks", List.of("client_id", "sk"));
    KEYS.put("app-call-summaries", List.of("client_id", "call_sid"));
    KEYS.put("app-faq-vectors", List.of("client_id", "question"));
  }

  private static final Pattern TABLE_ARN =
      Pattern.compile(
          "arn:aws:dynamodb:\\$\\{AWS_REGION}:\\$\\{AWS_ACCOUNT_ID}:table/([\\w.-]+)(/index/(\\w+))?");

  @Test
  void tablesHaveTheContractsKeysOnDemandBilling() throws IOException {
    Map<String, JsonObject> tables = tables();
    assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(KEYS.keySet());
    tables.forEach(
        (name, table) -> {
          assertThat(keyNames(table)).as("keys of %s", name).isEqualTo(KEYS.get(name));
          assertThat(table.getString("BillingMode")).isEqualTo("PAY_PER_REQUEST");
          assertThat(table.getJsonArray("AttributeDefinitions"))
              .allMatch(a -> "S".equals(a.asJsonObject().getString("AttributeType")));
        });
    JsonObject logs = tables.get("app-logs");
    assertThat(indexes(logs)).containsExactlyInAnyOrder("TsIndex", "CallSidIndex");
  }

  @Test
  void overlayNamesTheSameTables() {
    Manifests eks = Manifests.render(DeploymentManifestsTest.OVERLAY);
    Set<String> configured = new TreeSet<>();
    for (Map<String, Object> configMap : eks.ofKind("ConfigMap")) {
      Manifests.map(configMap.get("data"))
          .forEach(
              (key, value) -> {
                if (key.startsWith("UKETSUKE_TABLE_")) {
                  configured.add((String) value);
                }
              });
    }
    assertThat(configured).containsExactlyInAnyOrderElementsOf(KEYS.keySet());
  }

  @Test
  void serviceRoleMayCallOnlyTheActionsTheServiceUsesOnItsTablesAndIndexes() throws IOException {
    JsonObject policy = read(AWS.resolve("iam-policy.json"));
    Set<String> actions = new HashSet<>();
    Set<String> tablesGranted = new HashSet<>();
    Map<String, JsonObject> tables = tables();
    for (JsonValue value : policy.getJsonArray("Statement")) {
      JsonObject statement = value.asJsonObject();
      assertThat(statement.getString("Effect")).isEqualTo("Allow");
      if (statement.getString("Sid", "").equals(WEBHOOK_QUEUE_STATEMENT)) {
        continue; // serviceRoleMayUseOnlyTheWebhookQueue
      }
      List<String> statementActions = strings(statement.get("Action"));
      actions.addAll(statementActions);
      for (String resource : strings(statement.get("Resource"))) {
        Matcher arn = TABLE_ARN.matcher(resource);
        assertThat(arn.matches()).as("resource %s", resource).isTrue();
        assertThat(tables).containsKey(arn.group(1));
        if (arn.group(3) != null) {
          assertThat(indexes(tables.get(arn.group(1)))).contains(arn.group(3));
          assertThat(statementActions).as("on an index").containsOnly("dynamodb:Query");
        } else {
          tablesGranted.add(arn.group(1));
        }
      }
    }
    assertThat(actions)
        .as("the DynamoDB operations src/main/java calls")
        .containsExactlyInAnyOrderElementsOf(actionsTheCodeCalls());
    assertThat(tablesGranted).containsExactlyInAnyOrderElementsOf(KEYS.keySet());
  }

  private static final String WEBHOOK_QUEUE_STATEMENT = "UketsukeWebhookQueue";

  /** The SQS calls of src/main/java: {@code sqs.sendMessage(}... */
  private static final Pattern SQS_CALL =
      Pattern.compile(
          "sqs\\.(sendMessage|receiveMessage|deleteMessage|changeMessageVisibility"
              + "|createQueue|deleteQueue|purgeQueue|getQueueAttributes|setQueueAttributes)\\(");

  @Test
  void serviceRoleMayUseOnlyTheWebhookQueueWithTheCallsTheCodeMakes() throws IOException {
    JsonObject policy = read(AWS.resolve("iam-policy.json"));
    List<JsonObject> sqs =
        policy.getJsonArray("Statement").stream()
            .map(JsonValue::asJsonObject)
            .filter(s -> strings(s.get("Action")).stream().anyMatch(a -> a.startsWith("sqs:")))
            .toList();
    assertThat(sqs).hasSize(1);
    JsonObject statement = sqs.get(0);
    assertThat(statement.getString("Sid")).isEqualTo(WEBHOOK_QUEUE_STATEMENT);
    String queue = read(AWS.resolve("queues/uketsuke-webhooks.json")).getString("QueueName");
    assertThat(strings(statement.get("Resource")))
        .containsExactly("arn:aws:sqs:${AWS_REGION}:${AWS_ACCOUNT_ID}:" + queue);
    Set<String> calls = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher call = SQS_CALL.matcher(Files.readString(file));
        while (call.find()) {
          String operation = call.group(1);
          calls.add("sqs:" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
        }
      }
    }
    assertThat(strings(statement.get("Action"))).containsExactlyInAnyOrderElementsOf(calls);
  }

  @Test
  void theWebhookQueueHasADeadLetterQueueAndKeepsMessagesLongerThanTheRetries() throws IOException {
    JsonObject attributes =
        read(AWS.resolve("queues/uketsuke-webhooks.json")).getJsonObject("Attributes");
    assertThat(Integer.parseInt(attributes.getString("MessageRetentionPeriod")))
        .as("seconds a message is kept: more than the 24 h of retries")
        .isGreaterThan(24 * 3600);
    String dlq = read(AWS.resolve("queues/uketsuke-webhooks-dlq.json")).getString("QueueName");
    assertThat(attributes.getString("RedrivePolicy")).contains(":" + dlq + "\"");
    assertThat(Files.readString(AWS.resolve("create-queues.sh")))
        .contains("for queue in " + dlq + " uketsuke-webhooks; do");
  }

  @Test
  void tableScriptNeverCreatesTheFourProductionTables() throws IOException {
    String script = Files.readString(AWS.resolve("create-tables.sh"));
    assertThat(script)
        .contains("existing=(app-logs app-faq app-prompts app-tasks)")
        .contains(
            "new=(app-audit app-phones app-usage app-transcripts app-idempotency app-call-sids"
                + " app-webhooks app-call-summaries app-faq-vectors)")
        .contains("PointInTimeRecoveryEnabled=true");
  }

  /** IAM action names of every DynamoDB client operation the service's code calls. */
  private static Set<String> actionsTheCodeCalls() throws IOException {
    Set<String> actions = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file);
        if (!code.contains("DynamoDbClient")) {
          continue;
        }
        Matcher call = CLIENT_CALL.matcher(code);
        while (call.find()) {
          String operation = call.group(1).replace("Paginator", "");
          actions.add(
              "dynamodb:" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
        }
      }
    }
    return actions;
  }

  private static Map<String, JsonObject> tables() throws IOException {
    Map<String, JsonObject> tables = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(AWS.resolve("tables"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonObject table = read(file);
        tables.put(table.getString("TableName"), table);
      }
    }
    return tables;
  }

  private static List<String> keyNames(JsonObject table) {
    List<String> names = new ArrayList<>();
    for (JsonValue key : table.getJsonArray("KeySchema")) {
      names.add(key.asJsonObject().getString("AttributeName"));
    }
    return names;
  }

  private static List<String> indexes(JsonObject table) {
    if (!table.containsKey("GlobalSecondaryIndexes")) {
      return List.of();
    }
    return table.getJsonArray("GlobalSecondaryIndexes").stream()
        .map(i -> i.asJsonObject().getString("IndexName"))
        .toList();
  }

  private static List<String> strings(JsonValue value) {
    if (value instanceof JsonString s) {
      return List.of(s.getString());
    }
    return value.asJsonArray().getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static JsonObject read(Path file) throws IOException {
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
      return reader.readObject();
    }
  }
}
