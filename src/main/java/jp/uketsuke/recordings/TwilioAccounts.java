package jp.uketsuke.recordings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.TenantValues;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which Twilio account holds a tenant's recordings. One set of credentials (the main account)
 * reaches every subaccount, so a tenant may be mapped to a subaccount of its own; unmapped tenants
 * use the main account. Without credentials the recordings routes answer 503 and nothing else
 * notices.
 */
@ApplicationScoped
public class TwilioAccounts {
  static final String DEFAULT_BASE = "https://api.twilio.com";

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.account-sid")
  Optional<String> accountSid;

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.auth-token")
  Optional<String> authToken;

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.base-url")
  Optional<String> baseUrl;

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.tenant-accounts")
  Optional<TenantValues> tenantAccounts;

  private Map<String, String> accounts;

  @PostConstruct
  void init() {
    accounts = tenantAccounts.orElse(TenantValues.NONE).values();
  }

  public boolean configured() {
    return present(accountSid) && present(authToken);
  }

  /** The main account's SID: the user name of every request. */
  String username() {
    requireConfigured();
    return accountSid.orElseThrow().strip();
  }

  String password() {
    requireConfigured();
    return authToken.orElseThrow().strip();
  }

  /** The account (or subaccount) whose recordings belong to the tenant. */
  String accountOf(String tenantId) {
    return accounts.getOrDefault(tenantId, username());
  }

  /** Where Twilio's API is reached: Twilio itself unless configured (tests, local runs). */
  URI base() {
    String base = baseUrl.filter(TwilioAccounts::notBlank).orElse(DEFAULT_BASE).strip();
    return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  void requireConfigured() {
    if (!configured()) {
      throw ApiException.unavailable(
          "Recordings are not available: no Twilio account is configured for this service.");
    }
  }

  private static boolean present(Optional<String> value) {
    return value.filter(TwilioAccounts::notBlank).isPresent();
  }

  private static boolean notBlank(String value) {
    return !value.isBlank();
  }
}
