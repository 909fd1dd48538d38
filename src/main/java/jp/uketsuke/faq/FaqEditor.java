package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.tenant.TenantContext;

/**
 * Changes one FAQ entry of the caller's tenant and leaves the traces every change must leave: an
 * audit record and a new FAQ version, so cached indexes on every pod notice it.
 */
@ApplicationScoped
public class FaqEditor {
  @Inject FaqStore store;
  @Inject FaqVersion version;
  @Inject AuditLog audit;
  @Inject TenantContext tenant;

  public FaqItem create(String question, String answer) {
    FaqItem created = store.create(tenant.tenantId(), question, answer);
    version.bump(tenant.tenantId());
    audit.record("faq.create", question, null, answer);
    return created;
  }

  public FaqItem update(String question, String answer) {
    FaqStore.Change change = store.update(tenant.tenantId(), question, answer);
    version.bump(tenant.tenantId());
    audit.record("faq.update", question, change.before().answer(), answer);
    return change.after();
  }

  public void delete(String question) {
    FaqItem deleted = store.delete(tenant.tenantId(), question);
    version.bump(tenant.tenantId());
    audit.record("faq.delete", question, deleted.answer(), null);
  }
}
