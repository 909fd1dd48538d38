package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.idempotency.IdempotentRequest;
import jp.uketsuke.tenant.TenantContext;

/**
 * Changes one FAQ entry of the caller's tenant and leaves the traces every change must leave, in an
 * order that no failure can break without transactions: the FAQ version is marked before the write
 * and bumped after it ({@link FaqVersion}), so every pod's index notices the change even when the
 * bump fails; the audit record is written before the change, so no change goes unrecorded (a change
 * that then fails is recorded as {@code <action>.failed} when the store allows). Vectors, when
 * embeddings are configured, follow in the background ({@link FaqEmbedder}).
 */
@ApplicationScoped
public class FaqEditor {
  @Inject FaqStore store;
  @Inject FaqVersion version;
  @Inject AuditLog audit;
  @Inject TenantContext tenant;
  @Inject IdempotentRequest request;
  @Inject FaqEmbedder embedder;

  public FaqItem create(String question, String answer) {
    return change(
        "faq.create",
        question,
        null,
        answer,
        () -> store.create(tenantId(), question, answer, request.writeId()));
  }

  public FaqItem update(String question, String answer) {
    FaqItem before = existing(question);
    return change(
        "faq.update",
        question,
        before.answer(),
        answer,
        () -> store.update(tenantId(), question, answer).after());
  }

  public void delete(String question) {
    FaqItem before = existing(question);
    change("faq.delete", question, before.answer(), null, () -> store.delete(tenantId(), question));
  }

  private FaqItem change(
      String action, String question, String before, String after, Supplier<FaqItem> write) {
    String tenantId = tenantId();
    audit.record(action, question, before, after);
    String mark = version.begin(tenantId);
    boolean written = false;
    try {
      FaqItem result = write.get();
      written = true;
      return result;
    } catch (ApiException refused) {
      auditFailure(action, question);
      throw refused;
    } catch (RuntimeException failed) {
      // The write may have landed before the failure: count it as a change.
      written = true;
      auditFailure(action, question);
      throw failed;
    } finally {
      version.end(tenantId, mark, written);
      if (written) {
        embedder.refresh(tenantId); // in the background: the write never waits for vectors
      }
    }
  }

  /** The entry as it is before a change (404 when there is none, before anything is recorded). */
  private FaqItem existing(String question) {
    return store.find(tenantId(), question).orElseThrow(FaqStore::notFound);
  }

  private void auditFailure(String action, String question) {
    try {
      audit.record(action + ".failed", question, null, null);
    } catch (RuntimeException storeDown) {
      // The intent record stands; this one is best effort.
    }
  }

  private String tenantId() {
    return tenant.tenantId();
  }
}
