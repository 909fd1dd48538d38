package jp.uketsuke.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Translation between {@code app-tasks} items and {@link Task}s, and the update expression. */
final class TaskItems {
  private TaskItems() {}

  static Task task(Map<String, AttributeValue> item) {
    String status = text(item, "status");
    return new Task(
        text(item, "name"),
        text(item, "phone_number"),
        text(item, "address"),
        text(item, "start_datetime"),
        null, // start_at is read from start_datetime: another writer may have changed that alone
        text(item, "request"),
        status == null ? TaskStatus.REQUESTED.wire() : status,
        text(item, "call_sid"),
        text(item, "created_by"),
        text(item, "created_at"),
        text(item, "updated_at"));
  }

  /** Old items may hold a number where we write text (a phone typed as a number); read both. */
  private static String text(Map<String, AttributeValue> item, String field) {
    AttributeValue value = item.get(field);
    if (value == null) {
      return null;
    }
    return value.s() != null ? value.s() : value.n();
  }

  /**
   * SET for values, REMOVE for nulls, conditional on existence and on the status the caller read,
   * so two concurrent transitions cannot both win.
   */
  static UpdateItemRequest.Builder updateRequest(
      String table,
      Map<String, AttributeValue> key,
      Map<String, String> changes,
      String storedStatus) {
    Map<String, String> names = new HashMap<>(Map.of("#name", "name", "#status", "status"));
    Map<String, AttributeValue> values = new HashMap<>();
    List<String> sets = new ArrayList<>();
    List<String> removes = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> change : changes.entrySet()) {
      String field = "#f" + i;
      names.put(field, change.getKey());
      if (change.getValue() == null) {
        removes.add(field);
      } else {
        values.put(":v" + i, AttributeValue.fromS(change.getValue()));
        sets.add(field + " = :v" + i);
      }
      i++;
    }
    // Old items without a status are "requested", so that state matches a missing attribute too.
    String condition =
        TaskStatus.REQUESTED.wire().equals(storedStatus)
            ? "attribute_exists(#name) AND (attribute_not_exists(#status) OR #status = :stored)"
            : "attribute_exists(#name) AND #status = :stored";
    values.put(":stored", AttributeValue.fromS(storedStatus));
    String expression = "SET " + String.join(", ", sets);
    if (!removes.isEmpty()) {
      expression += " REMOVE " + String.join(", ", removes);
    }
    return UpdateItemRequest.builder()
        .tableName(table)
        .key(key)
        .updateExpression(expression)
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values);
  }
}
