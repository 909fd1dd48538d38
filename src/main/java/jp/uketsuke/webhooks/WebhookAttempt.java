package jp.uketsuke.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.exttools.OutboundPost;
import jp.uketsuke.platform.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.model.Message;

/** One attempt at the delivery a queue message names, and what it means for the message. */
@ApplicationScoped
class WebhookAttempt {
  private static final Logger LOG = Logger.getLogger(WebhookAttempt.class.getName());

  @Inject WebhookStore store;
  @Inject WebhookQueue queue;
  @Inject WebhookAddresses addresses;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.retry-for", defaultValue = "PT24H")
  Duration retryFor;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.retry-base", defaultValue = "PT10S")
  Duration retryBase;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.retry-max", defaultValue = "PT1H")
  Duration retryMax;

  void handle(Message message) {
    QueuedDelivery named;
    try {
      named = QueuedDelivery.fromJson(message.body());
    } catch (RuntimeException e) {
      LOG.warning("webhook queue: dropped a message that names no delivery");
      queue.done(message);
      return;
    }
    try {
      if (attempt(named, message)) {
        queue.done(message);
      }
    } catch (RuntimeException e) {
      // The message comes back after its visibility timeout and is tried again.
      LOG.log(Level.WARNING, "webhook delivery " + named.eventId() + ": attempt failed", e);
    }
  }

  /** Whether the message is finished with. */
  private boolean attempt(QueuedDelivery named, Message message) {
    Optional<WebhookStore.Pending> pending =
        store.delivery(named.tenantId(), named.hookId(), named.eventId());
    if (pending.isEmpty() || !Delivery.RETRYING.equals(pending.get().delivery().status())) {
      return true; // sent already (a message may arrive twice), or gone
    }
    Delivery before = pending.get().delivery();
    Optional<StoredWebhook> hook = store.find(named.tenantId(), named.hookId());
    Instant now = Instant.now();
    if (hook.isEmpty()) {
      store.attempted(
          named.tenantId(),
          named.hookId(),
          outcome(before, Delivery.FAILED, null, "the webhook was deleted", null));
      return true;
    }
    OutboundPost.Outcome sent = send(hook.get(), before, pending.get().body(), now);
    String error =
        sent.delivered() ? null : sent.error() != null ? sent.error() : "answered " + sent.status();
    Integer code = sent.status() == 0 ? null : sent.status();
    if (sent.delivered()) {
      store.attempted(
          named.tenantId(),
          named.hookId(),
          outcome(before, Delivery.DELIVERED, code, null, Timestamps.format(Instant.now())));
      return true;
    }
    Instant created = java.time.OffsetDateTime.parse(before.createdAt()).toInstant();
    if (!Instant.now().isBefore(created.plus(retryFor))) {
      store.attempted(
          named.tenantId(), named.hookId(), outcome(before, Delivery.FAILED, code, error, null));
      return true;
    }
    store.attempted(
        named.tenantId(), named.hookId(), outcome(before, Delivery.RETRYING, code, error, null));
    RetrySchedule schedule =
        new RetrySchedule(retryBase, retryMax, () -> ThreadLocalRandom.current().nextDouble());
    queue.retryIn(message, schedule.after(before.attempts() + 1));
    return false;
  }

  private OutboundPost.Outcome send(
      StoredWebhook hook, Delivery delivery, String body, Instant now) {
    long t = now.getEpochSecond();
    Map<String, String> headers =
        Map.of(
            "Uketsuke-Event-Id", delivery.eventId(),
            "Uketsuke-Signature", WebhookSigning.header(t, body, hook.signingSecrets(now)),
            "User-Agent", "Uketsuke-Webhooks/1");
    return addresses.post().post(hook.hook().url(), headers, body, timeout);
  }

  private static Delivery outcome(
      Delivery before, String status, Integer code, String error, String deliveredAt) {
    return new Delivery(
        before.eventId(),
        before.type(),
        status,
        before.attempts() + 1,
        code,
        error,
        before.createdAt(),
        deliveredAt);
  }
}
