package jp.uketsuke.faq;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.llm.Embeddings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes the vectors a tenant's FAQ lacks, in the background, so a FAQ write never waits for the
 * embeddings endpoint and never fails because of it. A run reads the entries and the stored
 * vectors' hashes, embeds the missing or stale entries in requests of at most {@code
 * uketsuke.openai.embedding-batch} texts (at most {@code uketsuke.faq.embedding-catch-up} per run;
 * a run that got through them starts another), removes vectors of deleted entries, and bumps the
 * FAQ version when it stored any, so every pod's retrieval takes them up.
 *
 * <p>Runs start after every FAQ write and import ({@link #refresh}); an index that still finds
 * entries without a vector (the endpoint was down) asks again ({@link #catchUp}), at most once per
 * {@code uketsuke.faq.embedding-retry} per tenant and pod. One run per tenant and pod at a time.
 */
@ApplicationScoped
public class FaqEmbedder {
  private static final Logger LOG = Logger.getLogger(FaqEmbedder.class.getName());

  @Inject Embeddings embeddings;
  @Inject FaqStore store;
  @Inject FaqVectorStore vectors;
  @Inject FaqVersion version;
  @Inject Event<FaqEmbeddingsUsed> usage;

  @Resource(lookup = "concurrent/background")
  ManagedScheduledExecutorService background;

  @Inject
  @ConfigProperty(name = "uketsuke.openai.embedding-batch", defaultValue = "64")
  int batchSize;

  @Inject
  @ConfigProperty(name = "uketsuke.faq.embedding-catch-up", defaultValue = "2000")
  int perRun;

  @Inject
  @ConfigProperty(name = "uketsuke.faq.embedding-retry", defaultValue = "PT1M")
  Duration retry;

  /** A tenant's runs on this pod: whether one runs, whether another is wanted, when one began. */
  private static final class Runs {
    boolean running;
    boolean again;
    long startedNanos;
  }

  private final Map<String, Runs> runs = new ConcurrentHashMap<>();

  public boolean configured() {
    return embeddings.configured();
  }

  /** The tenant's FAQ changed: its vectors are brought up to date in the background. */
  public void refresh(String tenantId) {
    if (configured()) {
      start(tenantId, true);
    }
  }

  /** An index found entries without a vector: tried again when the last try is old enough. */
  void catchUp(String tenantId) {
    if (configured()) {
      start(tenantId, false);
    }
  }

  private void start(String tenantId, boolean changed) {
    boolean[] submit = {false};
    runs.compute(
        tenantId,
        (tenant, state) -> {
          Runs r = state == null ? new Runs() : state;
          long now = System.nanoTime();
          if (r.running) {
            r.again |= changed;
          } else if (changed || state == null || now - r.startedNanos >= retry.toNanos()) {
            r.running = true;
            r.startedNanos = now;
            submit[0] = true;
          }
          return r;
        });
    if (submit[0]) {
      try {
        background.execute(() -> runUntilDone(tenantId));
      } catch (RuntimeException e) {
        finished(tenantId, false);
        LOG.log(Level.WARNING, "FAQ vectors not scheduled; retried later", e);
      }
    }
  }

  private void runUntilDone(String tenantId) {
    boolean more;
    try {
      more = run(tenantId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "FAQ vectors of a tenant not computed; retried later", e);
      more = false;
    }
    if (finished(tenantId, more)) {
      start(tenantId, true);
    }
  }

  /** Ends a run; true when another should start at once. */
  private boolean finished(String tenantId, boolean more) {
    boolean[] again = {false};
    runs.computeIfPresent(
        tenantId,
        (tenant, r) -> {
          r.running = false;
          again[0] = r.again || more;
          r.again = false;
          return r;
        });
    return again[0];
  }

  /** One bounded run. @return true when entries were left for another run (none failed) */
  boolean run(String tenantId) {
    String model = embeddings.model();
    List<FaqItem> items = store.all(tenantId);
    Map<String, String> stored = vectors.hashes(tenantId);
    List<FaqItem> missing = new ArrayList<>();
    Set<String> questions = new HashSet<>();
    for (FaqItem faq : items) {
      questions.add(faq.question());
      if (!FaqVector.hash(model, faq).equals(stored.get(faq.question()))) {
        missing.add(faq);
      }
    }
    List<String> deleted = stored.keySet().stream().filter(q -> !questions.contains(q)).toList();
    if (!deleted.isEmpty()) {
      vectors.deleteAll(tenantId, deleted);
    }
    List<FaqItem> thisRun = missing.subList(0, Math.min(missing.size(), Math.max(1, perRun)));
    int batch = Math.max(1, batchSize);
    int written = 0;
    try {
      for (int from = 0; from < thisRun.size(); from += batch) {
        written +=
            embed(tenantId, model, thisRun.subList(from, Math.min(thisRun.size(), from + batch)));
      }
    } finally {
      if (written > 0) {
        version.end(tenantId, version.begin(tenantId), true);
      }
    }
    return missing.size() > thisRun.size();
  }

  private int embed(String tenantId, String model, List<FaqItem> batch) {
    Embeddings.Vectors computed =
        embeddings.documents(batch.stream().map(FaqVector::text).toList());
    usage.fire(new FaqEmbeddingsUsed(tenantId, computed.tokens()));
    List<FaqVector> rows = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      FaqItem faq = batch.get(i);
      rows.add(
          new FaqVector(
              faq.question(), FaqVector.hash(model, faq), model, computed.vectors().get(i)));
    }
    return batch.size() - vectors.putAll(tenantId, rows);
  }
}
