package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.uketsuke.tasks.Task;
import jp.uketsuke.tasks.TaskBook;
import jp.uketsuke.tasks.TaskChanges;
import jp.uketsuke.tasks.TaskDraft;
import jp.uketsuke.tasks.TaskException;
import jp.uketsuke.tasks.TaskFilter;

/**
 * The built-in task tools. They act for the turn's caller only: a task of another phone is answered
 * exactly like a missing one, so the model can neither read nor change it, nor learn that it
 * exists. The caller's phone and call are stamped on what they create; delete means cancel.
 */
@ApplicationScoped
public class TaskTools {
  public static final Set<String> NAMES =
      Set.of("list_tasks", "create_task", "get_task", "update_task", "delete_task");

  /** What the model may change; the phone and call stay the caller's. */
  private static final Set<String> CHANGEABLE =
      Set.of("address", "start_datetime", "request", "status");

  @Inject TaskBook book;

  /** Runs one tool; failures the model can act on come back as {@code {ok: false, error}}. */
  public JsonObject run(String name, JsonObject args, CallerScope caller) {
    if (!caller.identified()) {
      return ToolResults.error("The caller's phone number is unknown, so no tasks can be used.");
    }
    try {
      return switch (name) {
        case "list_tasks" -> ToolResults.items(book.listAll(mine(caller, arg(args, "status"))));
        case "get_task" -> ToolResults.item(owned(arg(args, "name"), caller));
        case "create_task" -> ToolResults.item(create(args, caller));
        case "update_task" -> ToolResults.item(update(args, caller));
        case "delete_task" ->
            ToolResults.item(book.cancel(owned(arg(args, "name"), caller).name()));
        default -> ToolResults.error("Unknown task tool " + name + ".");
      };
    } catch (TaskException.Exists e) {
      return ToolResults.error(e.getMessage() + " Choose another name or update that task.");
    } catch (jp.uketsuke.platform.ApiException e) {
      return ToolResults.error(e.getMessage());
    }
  }

  private static TaskFilter mine(CallerScope caller, String status) {
    return TaskFilter.of(caller.phone(), status);
  }

  private Task owned(String name, CallerScope caller) {
    if (name == null || name.isBlank()) {
      throw jp.uketsuke.platform.ApiException.badRequest("name is required.");
    }
    Optional<Task> task = book.find(name).filter(mine(caller, null)::matches);
    return task.orElseThrow(() -> new TaskException.Missing(name));
  }

  private Task create(JsonObject args, CallerScope caller) {
    TaskDraft draft =
        new TaskDraft(
            arg(args, "name"),
            caller.phone(),
            arg(args, "address"),
            arg(args, "start_datetime"),
            arg(args, "request"),
            null,
            caller.callSid());
    return book.create(draft, TaskBook.ASSISTANT);
  }

  private Task update(JsonObject args, CallerScope caller) {
    Task task = owned(arg(args, "name"), caller);
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : CHANGEABLE) {
      if (args.containsKey(field)) {
        values.put(field, arg(args, field));
      }
    }
    return book.update(task.name(), new TaskChanges(values));
  }

  /** A string argument; numbers and booleans the model sends are taken as their text. */
  private static String arg(JsonObject args, String field) {
    JsonValue value = args.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    return value instanceof JsonString text ? text.getString() : value.toString();
  }
}
