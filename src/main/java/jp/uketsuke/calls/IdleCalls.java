package jp.uketsuke.calls;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends calls that had no turn for {@code uketsuke.calls.idle-end}, whoever wrote their turns. Every
 * pod runs two sweeps, each every {@code uketsuke.calls.idle-sweep}: one moves each followed
 * tenant's directory catch-up one batch forward (which opens the calls it reads, {@link
 * OpenCalls}); the other, on its own so that a pass over many tenants never holds it up, claims
 * each open call idle long enough and ends it like {@code POST /call/end}. The claim keeps two pods
 * from working on one call; the conditional write of the summary keeps any two ends (sweep, route,
 * Twilio) from both sending {@code call.ended}.
 */
@ApplicationScoped
class IdleCalls {
  private static final Logger LOG = Logger.getLogger(IdleCalls.class.getName());

  /** How long a claim holds: longer than an end takes, model summary included. */
  static final Duration CLAIM = Duration.ofMinutes(2);

  private static final int PER_SWEEP = 100;

  @Resource(lookup = "concurrent/background")
  ManagedScheduledExecutorService background;

  @Inject CallTenants tenants;
  @Inject DirectoryCatchUp catchUp;
  @Inject OpenCalls open;
  @Inject CallSessions sessions;
  @Inject CallEndings endings;

  @Inject
  @ConfigProperty(name = "uketsuke.calls.idle-end", defaultValue = "PT10M")
  Duration idleEnd;

  @Inject
  @ConfigProperty(name = "uketsuke.calls.idle-sweep", defaultValue = "PT1M")
  Duration sweepInterval;

  private volatile boolean stopping;
  private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    long every = Math.max(100, sweepInterval.toMillis());
    timers.add(
        background.scheduleWithFixedDelay(this::followAll, every, every, TimeUnit.MILLISECONDS));
    timers.add(
        background.scheduleWithFixedDelay(this::endSweep, every, every, TimeUnit.MILLISECONDS));
  }

  @PreDestroy
  void stop() {
    stopping = true;
    timers.forEach(timer -> timer.cancel(false));
  }

  private void followAll() {
    try {
      for (String tenantId : tenants.all()) {
        if (stopping) {
          return;
        }
        follow(tenantId);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "idle calls: following the tenants' logs failed", e);
    }
  }

  private void endSweep() {
    try {
      endIdle(Instant.now());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "idle calls: sweep failed", e);
    }
  }

  private void follow(String tenantId) {
    try {
      catchUp.follow(tenantId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "idle calls: catch-up of a tenant failed", e);
    }
  }

  /** Ends the open calls idle at {@code now} that this pod claims. */
  void endIdle(Instant now) {
    Instant before = now.minus(idleEnd);
    for (OpenCalls.Open call : open.idleSince(before, PER_SWEEP)) {
      if (stopping || !open.claim(call, now, now.plus(CLAIM))) {
        continue;
      }
      try {
        endIfIdle(call, before);
      } catch (RuntimeException e) {
        // The claim expires and a later sweep (of any pod) tries again.
        LOG.log(Level.WARNING, "idle calls: ending a call failed", e);
      }
    }
  }

  /** The log is read again: a turn the catch-up has not applied yet keeps the call going. */
  private void endIfIdle(OpenCalls.Open call, Instant before) {
    List<Turn> turns;
    try {
      turns = sessions.session(call.tenantId(), call.callSid());
    } catch (ApiException noTurnsLeft) {
      open.close(call.tenantId(), call.callSid()); // erased meanwhile: nothing to end
      return;
    }
    Instant newest =
        turns.stream()
            .map(turn -> LogTimes.instantOf(turn.ts()))
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(null);
    if (newest != null && !newest.isBefore(before)) {
      open.seen(call.tenantId(), call.callSid(), newest);
      return;
    }
    endings.end(call.tenantId(), call.callSid(), turns);
  }
}
