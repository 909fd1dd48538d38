package jp.uketsuke.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import jp.uketsuke.llm.OpenAiConnection;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.TenantValues;
import org.junit.jupiter.api.Test;

/**
 * Without Twilio credentials or OpenAI (neither key nor base URL) the routes answer 503 with a
 * sentence for people (the integration tests' server is configured, so these rules are checked
 * here).
 */
class UnconfiguredTest {

  @Test
  void withoutTwilioCredentialsRecordingsAre503() {
    TwilioAccounts accounts = twilio(Optional.of("ACmain"), Optional.empty(), Optional.empty());
    assertThat(accounts.configured()).isFalse();
    assertUnavailable(accounts::requireConfigured, "Twilio");
    TwilioClients clients = new TwilioClients();
    clients.accounts = accounts;
    assertUnavailable(() -> clients.forTenant("t1"), "Twilio");
  }

  @Test
  void withoutAnOpenAiKeyOrBaseUrlTranscriptionIs503() {
    Whisper whisper = new Whisper();
    whisper.openAi =
        new OpenAiConnection(
            Optional.empty(),
            Optional.of("  "),
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(3));
    assertUnavailable(whisper::requireConfigured, "OpenAI");
  }

  @Test
  void tenantsMayHaveTheirOwnSubaccountAndOthersUseTheMainAccount() {
    TwilioAccounts accounts =
        twilio(Optional.of("ACmain"), Optional.of("token"), Optional.of("t1=ACsub1, t2=ACsub2"));
    assertThat(accounts.accountOf("t2")).isEqualTo("ACsub2");
    assertThat(accounts.accountOf("t3")).isEqualTo("ACmain");
    assertThat(accounts.base()).hasToString(TwilioAccounts.DEFAULT_BASE);
  }

  @Test
  void callbacksAreCheckedWithTheSigningAccountsOwnTokenAndServeOnlyItsTenants() {
    TwilioAccounts accounts =
        twilio(Optional.of("ACmain"), Optional.of("token"), Optional.of("t1=ACsub1, t2=ACsub2"));
    assertThat(accounts.signingToken("ACmain")).contains("token");
    assertThat(accounts.signingToken("ACsub1")).contains("sub1-token");
    assertThat(accounts.signingToken("ACsub2")).as("a subaccount without its token").isEmpty();
    assertThat(accounts.signingToken("ACother")).isEmpty();
    assertThat(accounts.servesTenant("ACsub1", "t1")).isTrue();
    assertThat(accounts.servesTenant("ACmain", "t1")).isFalse();
    assertThat(accounts.servesTenant("ACmain", "t3")).isTrue();
    assertThat(accounts.servesTenant("ACsub1", "t2")).isFalse();
    assertThat(twilio(Optional.empty(), Optional.empty(), Optional.empty()).signingToken("ACmain"))
        .isEmpty();
  }

  private static TwilioAccounts twilio(
      Optional<String> sid, Optional<String> token, Optional<String> tenants) {
    TwilioAccounts accounts = new TwilioAccounts();
    accounts.accountSid = sid;
    accounts.authToken = token;
    accounts.baseUrl = Optional.empty();
    accounts.tenantAccounts = tenants.map(TenantValues::parse);
    accounts.accountAuthTokens = Optional.of(TenantValues.parse("ACsub1=sub1-token"));
    accounts.init();
    return accounts;
  }

  private static void assertUnavailable(Runnable call, String names) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.getMessage()).contains(names);
            });
  }
}
