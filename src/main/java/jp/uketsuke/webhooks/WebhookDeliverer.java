package jp.uketsuke.webhooks;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Every pod consumes the delivery queue and sweeps the outbox. One attempt per received message: a
 * 2xx marks the delivery {@code delivered}; anything else (status, timeout, refused address) is
 * tried again after the retry schedule, by hiding the message that long, until the retry window
 * ends and the delivery is {@code failed}. At least once: receivers deduplicate by event id.
 */
@ApplicationScoped
class WebhookDeliverer {
  private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class.getName());

  @Resource ManagedScheduledExecutorService executor;
  @Inject WebhookQueue queue;
  @Inject WebhookOutbox outbox;
  @Inject WebhookAttempt attempt;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.consumers", defaultValue = "2")
  int consumers;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.outbox-grace", defaultValue = "PT30S")
  Duration outboxGrace;

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.sweep-interval", defaultValue = "PT10S")
  Duration sweepInterval;

  private final List<Future<?>> running = new ArrayList<>();
  private volatile boolean stopping;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!queue.configured()) {
      LOG.warning("uketsuke.webhooks.queue-url is not set: webhook events wait in the outbox");
      return;
    }
    for (int i = 0; i < Math.max(1, consumers); i++) {
      running.add(executor.scheduleWithFixedDelay(this::poll, 0, 50, TimeUnit.MILLISECONDS));
    }
    long sweep = Math.max(100, sweepInterval.toMillis());
    running.add(executor.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS));
  }

  @PreDestroy
  void stop() {
    stopping = true;
    running.forEach(f -> f.cancel(false));
  }

  private void poll() {
    if (stopping) {
      return;
    }
    try {
      for (Message message : queue.receive(Duration.ofSeconds(2))) {
        attempt.handle(message);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook queue: receive failed", e);
      pause();
    }
  }

  /** Hands over what a stopped pod left in the outbox. */
  private void sweep() {
    if (stopping) {
      return;
    }
    try {
      for (WebhookOutbox.Entry entry : outbox.left(Instant.now().minus(outboxGrace), 100)) {
        WebhookEvents.handOver(queue, outbox, entry);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook outbox: sweep failed", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
