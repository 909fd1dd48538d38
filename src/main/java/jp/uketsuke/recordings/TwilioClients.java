package jp.uketsuke.recordings;

import com.twilio.http.TwilioRestClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One {@link TwilioRestClient} per Twilio account, built on first use and kept. The static {@code
 * Twilio.init} holds a single account for the whole JVM, which would let one tenant's requests run
 * under another tenant's account; explicit clients cannot.
 */
@ApplicationScoped
public class TwilioClients {
  @Inject TwilioAccounts accounts;

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.timeout", defaultValue = "PT10S")
  Duration timeout;

  private final Map<String, TwilioRestClient> clients = new ConcurrentHashMap<>();

  /** The client for the tenant's account; 503 when Twilio is not configured. */
  TwilioRestClient forTenant(String tenantId) {
    accounts.requireConfigured();
    return clients.computeIfAbsent(accounts.accountOf(tenantId), this::build);
  }

  private TwilioRestClient build(String accountSid) {
    return new TwilioRestClient.Builder(accounts.username(), accounts.password())
        .accountSid(accountSid)
        .httpClient(new BaseUrlHttpClient(accounts.base(), timeout))
        .build();
  }
}
