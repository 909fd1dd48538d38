package jp.uketsuke.webhooks;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.TenantContext;

/**
 * Publishes the current tenant's events to its webhooks. Called after a change was stored and
 * before it is acknowledged: each delivery and its outbox entry are written first (so an
 * acknowledged change's event survives the pod), then handed to the queue; what the queue did not
 * take is sent by the outbox sweep of any pod. A change that failed never gets here.
 */
@ApplicationScoped
public class WebhookEvents {
  public static final String TASK_CREATED = "task.created";
  public static final String TASK_UPDATED = "task.updated";
  public static final String TASK_CANCELLED = "task.cancelled";
  public static final String CALL_ENDED = "call.ended";

  private static final Logger LOG = Logger.getLogger(WebhookEvents.class.getName());
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

  @Inject TenantContext tenant;
  @Inject WebhookStore store;
  @Inject WebhookOutbox outbox;
  @Inject WebhookQueue queue;

  /**
   * @param data the event's {@code data}, as the API shows it (a record, mapped like responses)
   */
  public void publish(String type, Object data) {
    publish(tenant.tenantId(), type, data);
  }

  /**
   * Publishes the event about one change that may be published more than once: a keyed retry of the
   * request that made it, or a second end of the same call (another pod, a retried {@code POST
   * /call/end} after a pod died between storing the summary and publishing). Every publication has
   * the same event id and body, and a webhook that has the event already gets nothing new, so the
   * change is delivered once whoever publishes it, and still delivered when the first publisher
   * died before it could.
   *
   * @param changedAt when the change was stored (the event's {@code created_at})
   * @param change what names the change within the tenant and type (a task's name and creation
   *     time, a call SID)
   */
  public void publishOnce(
      String tenantId, String type, Object data, Instant changedAt, String change) {
    List<StoredWebhook> hooks = subscribed(tenantId, type);
    if (!hooks.isEmpty()) {
      String id = WebhookEvent.idOf(changedAt, tenantId, type, change);
      deliver(tenantId, hooks, type, JSONB.toJson(data), id, changedAt);
    }
  }

  /** {@link #publishOnce(String, String, Object, Instant, String)} for the current tenant. */
  public void publishOnce(String type, Object data, Instant changedAt, String change) {
    publishOnce(tenant.tenantId(), type, data, changedAt, change);
  }

  /**
   * The same for a tenant named by the caller, for work outside a request (a call that ended by
   * itself); never with a tenant taken from a request body.
   */
  public void publish(String tenantId, String type, Object data) {
    List<StoredWebhook> hooks = subscribed(tenantId, type);
    if (!hooks.isEmpty()) {
      Instant now = Instant.now();
      deliver(tenantId, hooks, type, JSONB.toJson(data), WebhookEvent.newId(now), now);
    }
  }

  /** Sends a {@code webhook.test} event to one webhook now; its event id. */
  String test(String tenantId, StoredWebhook hook) {
    String data = JSON.createObjectBuilder().add("webhook_id", hook.hook().id()).build().toString();
    Instant now = Instant.now();
    return deliver(tenantId, List.of(hook), WebhookEvent.TEST, data, WebhookEvent.newId(now), now);
  }

  private List<StoredWebhook> subscribed(String tenantId, String type) {
    return store.all(tenantId).stream().filter(h -> h.wants(type)).toList();
  }

  private String deliver(
      String tenantId,
      List<StoredWebhook> hooks,
      String type,
      String data,
      String id,
      Instant createdAt) {
    Instant now = Instant.now();
    String created = Timestamps.format(createdAt);
    String body = body(id, type, created, data);
    WebhookEvent event = new WebhookEvent(id, type, created, body);
    List<WebhookOutbox.Entry> entries = new ArrayList<>();
    for (StoredWebhook hook : hooks) {
      // A webhook that has this event already (an earlier publication of the same change) is
      // left to that publication's delivery, unless it was never tried: its publisher may have
      // died between writing it and its outbox entry, and would leave it unsent for good.
      if (store.addDelivery(tenantId, hook.hook().id(), event)
          || neverTried(tenantId, hook.hook().id(), id)) {
        entries.add(outbox.add(new QueuedDelivery(tenantId, hook.hook().id(), id), now));
      }
    }
    if (queue.configured()) {
      for (WebhookOutbox.Entry entry : entries) {
        handOver(queue, outbox, entry);
      }
    }
    return id;
  }

  /**
   * Whether the delivery is still waiting for its first attempt. Queued again, it may then be sent
   * twice (its first message was in flight after all): at least once, receivers deduplicate.
   */
  private boolean neverTried(String tenantId, String hookId, String eventId) {
    return store
        .delivery(tenantId, hookId, eventId)
        .map(WebhookStore.Pending::delivery)
        .filter(d -> Delivery.RETRYING.equals(d.status()) && d.attempts() == 0)
        .isPresent();
  }

  /** Queue, then forget the outbox entry; a failure leaves the entry for the sweep. */
  static void handOver(WebhookQueue queue, WebhookOutbox outbox, WebhookOutbox.Entry entry) {
    try {
      queue.send(entry.delivery());
      outbox.remove(entry);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook delivery left in the outbox for the sweep", e);
    }
  }

  private static String body(String id, String type, String createdAt, String data) {
    try (var reader = JSON.createReader(new StringReader(data))) {
      return JSON.createObjectBuilder()
          .add("id", id)
          .add("type", type)
          .add("created_at", createdAt)
          .add("data", reader.readValue())
          .build()
          .toString();
    }
  }
}
