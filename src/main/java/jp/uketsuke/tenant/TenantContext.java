package jp.uketsuke.tenant;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
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

  /** The tenant when a token established one, without insisting on it (for logs and headers). */
  public Optional<String> knownTenantId() {
    return Optional.ofNullable(caller).map(Caller::tenantId);
  }
}
