package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;

/**
 * Catches a tenant's directory up in the background when a request found it far behind (a first
 * read of a long history, or a burst another writer put into the log): batch after batch on a
 * Liberty-managed thread, one run per tenant and pod. Pods that run at once cannot count a turn
 * twice (see {@link PhoneDirectory}); a pod that stops halfway leaves a position the next request
 * continues from.
 */
@ApplicationScoped
public class DirectoryBackfill {
  private static final Logger LOG = Logger.getLogger(DirectoryBackfill.class.getName());

  private final Set<String> running = ConcurrentHashMap.newKeySet();

  @Inject DirectoryCatchUp catchUp;
  @Inject PhoneDirectory directory;

  /** This bean through its proxy: only a call through it runs asynchronously. */
  @Inject DirectoryBackfill self;

  /** Starts a run for the tenant unless this pod has one going. */
  public void start(String tenantId) {
    if (running.add(tenantId)) {
      self.run(tenantId)
          .whenComplete(
              (done, failure) -> {
                running.remove(tenantId);
                if (failure != null) {
                  LOG.log(Level.WARNING, "phone directory catch-up stopped", failure);
                }
              });
    }
  }

  /** Batches until the tenant is caught up, or until a batch gets no further. */
  @Asynchronous
  public CompletionStage<Void> run(String tenantId) {
    DirectoryCatchUp.Progress progress;
    Instant before;
    do {
      PhoneDirectory.State state = directory.read(tenantId);
      before = state.through();
      progress = catchUp.step(tenantId, state);
    } while (progress.more() && advanced(before, progress.state().through()));
    return CompletableFuture.completedFuture(null);
  }

  private static boolean advanced(Instant before, Instant after) {
    return after != null && (before == null || after.isAfter(before));
  }
}
