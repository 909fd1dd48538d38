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

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.account-auth-tokens")
  Optional<TenantValues> accountAuthTokens;

  private Map<String, String> accounts;
  private Map<String, String> subaccountTokens;

  @PostConstruct
  void init() {
    accounts = tenantAccounts.orElse(TenantValues.NONE).values();
    subaccountTokens = accountAuthTokens.orElse(TenantValues.NONE).values();
  }

  /**
   * The auth token Twilio signs the callbacks of an account with: the main account's, or a mapped
   * subaccount's own ({@code uketsuke.twilio.account-auth-tokens}); empty for any other account.
   */
  Optional<String> signingToken(String accountSid) {
    if (!configured() || accountSid == null) {
      return Optional.empty();
    }
    if (accountSid.equals(username())) {
      return Optional.of(password());
    }
    if (!accounts.containsValue(accountSid)) {
      return Optional.empty();
    }
    return Optional.ofNullable(subaccountTokens.get(accountSid)).map(String::strip);
  }

  /** Whether the account is the tenant's: its subaccount, or the main one when it has none. */
  boolean servesTenant(String accountSid, String tenantId) {
    return accountOf(tenantId).equals(accountSid);
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
