package jp.uketsuke.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.llm.Embeddings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The vectors of each tenant's FAQ index, in memory beside it. They are read from the store in the
 * background when the index's FAQ version moved past the one they were read at, so no turn waits
 * for them: until they arrive, the vectors read before serve every entry whose text they still fit,
 * and a tenant without any is searched lexically. When the vectors read at the index's version
 * still miss entries, the {@link FaqEmbedder} is asked to catch up.
 *
 * <p>Memory: entries × dimensions × 4 bytes per tenant (61 MB at 10⁴ entries of 1536 floats).
 */
@ApplicationScoped
class FaqVectors {
  private static final Logger LOG = Logger.getLogger(FaqVectors.class.getName());

  @Inject FaqVectorStore store;
  @Inject FaqEmbedder embedder;
  @Inject Embeddings embeddings;

  @Resource(lookup = "concurrent/background")
  ManagedScheduledExecutorService background;

  @Inject
  @ConfigProperty(name = "uketsuke.faq.index-tenants", defaultValue = "500")
  int indexTenants;

  private static final class Tenant {
    volatile FaqVectorSet vectors;
    final AtomicBoolean loading = new AtomicBoolean();
  }

  private Cache<String, Tenant> tenants;

  @PostConstruct
  void start() {
    tenants = Caffeine.newBuilder().maximumSize(Math.max(1, indexTenants)).build();
  }

  /** The vectors of the index's entries as far as they are known now; never waits for a read. */
  FaqVectorSet of(String tenantId, FaqIndex index) {
    Tenant tenant = tenants.get(tenantId, id -> new Tenant());
    FaqVectorSet known = tenant.vectors;
    if (known == null || known.readAt() < index.version()) {
      load(tenantId, tenant, index);
    }
    if (known == null) {
      return FaqVectorSet.NONE;
    }
    FaqVectorSet vectors = known;
    if (known.index() != index) {
      vectors = known.realigned(index, embeddings.model());
      tenant.vectors = vectors;
    }
    if (vectors.count() < index.size() && vectors.readAt() >= index.version()) {
      embedder.catchUp(tenantId);
    }
    return vectors;
  }

  private void load(String tenantId, Tenant tenant, FaqIndex index) {
    if (!tenant.loading.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            try {
              tenant.vectors =
                  FaqVectorSet.of(index, index.version(), store.all(tenantId), embeddings.model());
            } catch (RuntimeException e) {
              LOG.log(
                  Level.WARNING, "FAQ vectors of a tenant not read; retried at its next search", e);
            } finally {
              tenant.loading.set(false);
            }
          });
    } catch (RuntimeException e) {
      tenant.loading.set(false);
      LOG.log(Level.WARNING, "FAQ vectors of a tenant not read; retried at its next search", e);
    }
  }
}
