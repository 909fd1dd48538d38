package jp.uketsuke.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.PageTokens;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.platform.idempotency.IdempotentRequest;
import jp.uketsuke.tenant.TenantContext;
import jp.uketsuke.webhooks.WebhookEvents;

/**
 * The current tenant's tasks, for the REST routes and the assistant's task tools alike: the same
 * rules (field formats, status transitions, no silent overwrite) and the same audit records,
 * whoever asks.
 */
@ApplicationScoped
public class TaskBook {
  /** Who {@code created_by} names when the assistant took the reservation during a call. */
  public static final String ASSISTANT = "assistant";

  private static final int READ_PAGE = 100;
  private static final int UPDATE_ATTEMPTS = 3;

  @Inject TaskRepository repository;
  @Inject TenantContext tenant;
  @Inject AuditLog audit;
  @Inject PageTokens pageTokens;
  @Inject TaskTimes times;
  @Inject IdempotentRequest request;
  @Inject WebhookEvents webhooks;

  /** Tasks in the filter's order, and the token for the next page (null at the end). */
  public record Page(List<Task> items, String nextToken) {}

  /** Every task that matches: what old clients get from {@code GET /tasks}. */
  public List<Task> listAll(TaskFilter filter) {
    return list(filter, Integer.MAX_VALUE, null).items();
  }

  /**
   * Every task of a tenant as stored, without start times (those depend on the request's tenant
   * settings): for work outside a request, such as ending an idle call.
   */
  public List<Task> stored(String tenantId) {
    List<Task> all = new ArrayList<>();
    String start = null;
    do {
      TaskRepository.Page page = repository.page(tenantId, start, READ_PAGE, true);
      all.addAll(page.items());
      start = page.lastName();
    } while (start != null);
    return all;
  }

  /** Up to {@code limit} matching tasks after the place {@code nextToken} marks. */
  public Page list(TaskFilter filter, int limit, String nextToken) {
    String tenantId = tenant.tenantId();
    String query = filter.fingerprint();
    Map<String, String> after = pageTokens.decodePosition(tenantId, query, nextToken);
    if (filter.sort() == TaskFilter.Sort.START_AT) {
      return listByStart(filter, limit, after, query);
    }
    String start = after == null ? null : after.get("name");
    List<Task> found = new ArrayList<>();
    do {
      TaskRepository.Page page = repository.page(tenantId, start, READ_PAGE, !filter.descending());
      for (Task task : page.items()) {
        TaskStart taskStart = times.start(task);
        if (!filter.matches(task) || !filter.inRange(taskStart)) {
          continue;
        }
        if (found.size() == limit) {
          Task last = found.get(found.size() - 1);
          String token = pageTokens.encodePosition(tenantId, query, Map.of("name", last.name()));
          return new Page(found, token);
        }
        found.add(task.withStartAt(taskStart.startAt()));
      }
      start = page.lastName();
    } while (start != null);
    return new Page(found, null);
  }

  /** Sorting by start needs every matching task read before the first page can be cut. */
  private Page listByStart(TaskFilter filter, int limit, Map<String, String> after, String query) {
    String tenantId = tenant.tenantId();
    List<StartOrder.Dated> matching = allMatching(tenantId, filter);
    matching.sort(StartOrder.dated(filter.descending()));
    var order = StartOrder.positions(filter.descending());
    StartOrder.Position from = after == null ? null : StartOrder.Position.of(after);
    List<Task> found = new ArrayList<>();
    StartOrder.Position last = null;
    for (StartOrder.Dated dated : matching) {
      if (from != null && order.compare(dated.position(), from) <= 0) {
        continue;
      }
      if (found.size() == limit) {
        return new Page(found, pageTokens.encodePosition(tenantId, query, last.fields()));
      }
      found.add(dated.task());
      last = dated.position();
    }
    return new Page(found, null);
  }

  private List<StartOrder.Dated> allMatching(String tenantId, TaskFilter filter) {
    List<StartOrder.Dated> matching = new ArrayList<>();
    String start = null;
    do {
      TaskRepository.Page page = repository.page(tenantId, start, READ_PAGE, true);
      for (Task task : page.items()) {
        TaskStart taskStart = times.start(task);
        if (filter.matches(task) && filter.inRange(taskStart)) {
          matching.add(new StartOrder.Dated(task.withStartAt(taskStart.startAt()), taskStart));
        }
      }
      start = page.lastName();
    } while (start != null);
    return matching;
  }

  public Optional<Task> find(String name) {
    return repository.find(tenant.tenantId(), name).map(times::dated);
  }

  /**
   * @throws TaskException.Missing when there is no such task
   */
  public Task get(String name) {
    return find(name).orElseThrow(() -> new TaskException.Missing(name));
  }

  /**
   * Creates the task, never replacing one of the same name.
   *
   * @param createdBy the token's subject, or {@link #ASSISTANT}
   * @throws TaskException.Exists when the name is taken
   */
  public Task create(TaskDraft draft, String createdBy) {
    Map<String, String> fields =
        TaskWrites.forCreate(draft, createdBy, Timestamps.now(), times.zone());
    Task task =
        times.dated(
            repository
                .insert(tenant.tenantId(), fields, request.writeId())
                .orElseThrow(() -> new TaskException.Exists(fields.get("name"))));
    // A keyed retry gets the task its first request wrote (same created_at): the same audit
    // record and the same event.
    Instant created = Timestamps.parse(task.createdAt(), "created_at");
    audit.recordOnce("task.create", task.name(), null, task.summary(), created);
    webhooks.publishOnce(
        WebhookEvents.TASK_CREATED, task, created, task.name() + "\n" + task.createdAt());
    return task;
  }

  /**
   * Changes the fields named in {@code changes}, if the task exists and its status may move as
   * asked. A concurrent change is re-read and re-checked, never overwritten blindly.
   */
  public Task update(String name, TaskChanges changes) {
    for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
      Task current = get(name);
      Map<String, String> values =
          new LinkedHashMap<>(TaskWrites.forUpdate(current, changes, times.zone(), times.today()));
      values.put("updated_at", Timestamps.now());
      Optional<Task> updated = repository.update(tenant.tenantId(), name, values, current.status());
      if (updated.isPresent()) {
        audit.record("task.update", name, current.summary(), updated.get().summary());
        Task task = times.dated(updated.get());
        boolean cancelled =
            task.taskStatus() == TaskStatus.CANCELLED
                && current.taskStatus() != TaskStatus.CANCELLED;
        webhooks.publish(
            cancelled ? WebhookEvents.TASK_CANCELLED : WebhookEvents.TASK_UPDATED, task);
        return task;
      }
    }
    throw ApiException.conflict("The task changed while it was being updated; try again.");
  }

  /** The assistant's and the console's way to call a reservation off. */
  public Task cancel(String name) {
    return update(name, TaskChanges.of("status", TaskStatus.CANCELLED.wire()));
  }

  /**
   * @throws TaskException.Missing when there is no such task
   */
  public Task delete(String name) {
    Task deleted =
        repository
            .delete(tenant.tenantId(), name)
            .orElseThrow(() -> new TaskException.Missing(name));
    audit.record("task.delete", name, deleted.summary(), null);
    return times.dated(deleted);
  }
}
