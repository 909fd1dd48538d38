package jp.uketsuke.tenant;

import jakarta.enterprise.context.RequestScoped;
import jp.uketsuke.platform.ApiException;

/**
 * The one way services learn the tenant of the current request. It is filled by {@link
 * TenantFilter} from the verified token and nothing else; request bodies never name a tenant.
 */
@RequestScoped
public class TenantContext {
  private Caller caller;

  void establish(Caller caller) {
    this.caller = caller;
  }

  public Caller caller() {
    if (caller == null) {
      throw ApiException.unauthorized("A valid bearer token is required.");
    }
    return caller;
  }

  public String tenantId() {
    return caller().tenantId();
  }
}
