package jp.uketsuke.tasks;

import jp.uketsuke.platform.ApiException;

/**
 * Typed failures of {@link TaskBook}, so the chat engine can tell "already exists" from "not found"
 * without reading messages; the problem mapper answers them like any {@link ApiException}.
 */
public class TaskException extends ApiException {
  protected TaskException(int status, String title, String detail) {
    super(status, title, detail);
  }

  /** A create met a task of the same name; nothing was written. */
  public static final class Exists extends TaskException {
    public Exists(String name) {
      super(409, "Conflict", "A task named \"" + name + "\" already exists.");
    }
  }

  /** No task of that name in this tenant. */
  public static final class Missing extends TaskException {
    public Missing(String name) {
      super(404, "Not Found", "No task named \"" + name + "\".");
    }
  }

  /** The status cannot move that way (e.g. a done task cannot be cancelled). */
  public static final class Transition extends TaskException {
    public Transition(TaskStatus from, TaskStatus to) {
      super(
          409,
          "Conflict",
          "A task that is "
              + from.wire()
              + " cannot become "
              + to.wire()
              + "; allowed: requested → confirmed → done, or cancelled before done.");
    }
  }
}
