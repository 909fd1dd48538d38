package jp.uketsuke.exttools;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static jp.uketsuke.exttools.ExtTools.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No ext-tool request reaches an internal address, however the address is spelled or reached. A
 * second server on loopback plays the internal service and must see no request at all; only the one
 * endpoint allowed for tests is reachable.
 */
class ExtToolCallerGuardTest {
  private static final Set<String> HTTP_HOSTS =
      Set.of(
          "127.0.0.1",
          "127.0.0.1.",
          "localhost",
          "[::1]",
          "0.0.0.0",
          "10.0.0.1",
          "192.168.1.1",
          "172.16.0.1",
          "100.64.0.1",
          "169.254.169.254",
          "[fe80::1]",
          "[fd00::1]",
          "[::ffff:127.0.0.1]",
          "[::ffff:a9fe:a9fe]",
          "2130706433",
          "0177.0.0.1",
          "0x7f.1",
          "127.1",
          "loopback.test",
          "mixed.test",
          "rebind.test");
  private static final AtomicInteger rebindLookups = new AtomicInteger();
  private static WireMockServer allowed;
  private static WireMockServer internal;
  private static ExtToolCaller caller;

  @BeforeAll
  static void start() {
    allowed = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    internal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    allowed.start();
    internal.start();
    internal.stubFor(any(anyUrl()).willReturn(ok("internal secret")));
    caller =
        new ExtToolCaller(
            HTTP_HOSTS,
            Set.of("127.0.0.1:" + allowed.port()),
            1024,
            Duration.ofSeconds(5),
            ExtToolCallerGuardTest::resolve);
  }

  /** A DNS stand-in: names that lead to loopback, and one whose answer changes after the first. */
  private static InetAddress[] resolve(String host) throws UnknownHostException {
    Map<String, String[]> table =
        Map.of(
            "localhost", new String[] {"127.0.0.1", "::1"},
            "loopback.test", new String[] {"127.0.0.1"},
            "mixed.test", new String[] {"93.184.215.14", "10.1.2.3"});
    if (host.equals("rebind.test")) {
      // TEST-NET-1 first (public, unroutable), loopback for anyone who asks again.
      return new InetAddress[] {
        InetAddress.getByName(rebindLookups.getAndIncrement() == 0 ? "192.0.2.1" : "127.0.0.1")
      };
    }
    String[] addresses = table.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    InetAddress[] resolved = new InetAddress[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      resolved[i] = InetAddress.getByName(addresses[i]);
    }
    return resolved;
  }

  @AfterAll
  static void stop() {
    allowed.stop();
    internal.stop();
  }

  @AfterEach
  void theInternalServiceWasNeverReached() {
    assertThat(internal.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "[::1]",
        "0.0.0.0",
        "10.0.0.1",
        "192.168.1.1",
        "172.16.0.1",
        "100.64.0.1",
        "169.254.169.254",
        "[fe80::1]",
        "[fd00::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:a9fe:a9fe]",
        "loopback.test",
        "mixed.test"
      })
  void internalAddressesAreRefusedBeforeAnyConnection(String host) {
    JsonObject result =
        caller.call(
            ExtTools.spec(tool("GET", "http://" + host + ":" + internal.port()).build()), null);

    assertThat(result.getBoolean("ok")).isFalse();
    assertThat(result.getString("error")).startsWith("refused: ").contains("internal address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2130706433",
        "0177.0.0.1",
        "0x7f.1",
        "127.1",
        "127.0.0.1.",
        "public.example@127.0.0.1"
      })
  void otherSpellingsOfAnAddressAreRefused(String host) {
    JsonObject result =
        caller.call(
            ExtTools.spec(tool("GET", "http://" + host + ":" + internal.port()).build()), null);

    assertThat(result.getBoolean("ok")).isFalse();
    assertThat(result.getString("error")).startsWith("refused: ");
  }

  @Test
  void theEndpointAllowedForTestsIsReachable() {
    allowed.stubFor(any(anyUrl()).willReturn(ok("hello")));

    JsonObject result =
        caller.call(
            ExtTools.spec(tool("GET", "http://127.0.0.1:" + allowed.port() + "/").build()), null);

    assertThat(result.getInt("status")).isEqualTo(200);
    assertThat(result.getString("body")).isEqualTo("hello");
  }

  @Test
  void theAllowedEndpointUnderAnotherNameIsStillRefused() {
    allowed.resetRequests();

    JsonObject result =
        caller.call(
            ExtTools.spec(tool("GET", "http://localhost:" + allowed.port() + "/").build()), null);

    assertThat(result.getString("error")).startsWith("refused: ");
    assertThat(allowed.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRedirectToAnInternalAddressIsReturnedNotFollowed() {
    String target = "http://127.0.0.1:" + internal.port() + "/secret";
    allowed.stubFor(any(anyUrl()).willReturn(temporaryRedirect(target)));

    JsonObject result =
        caller.call(
            ExtTools.spec(tool("GET", "http://127.0.0.1:" + allowed.port() + "/go").build()), null);

    assertThat(result.getBoolean("ok")).isTrue();
    assertThat(result.getInt("status")).isEqualTo(302);
  }

  @Test
  void aHostIsResolvedOnceSoASecondAnswerCannotRebindIt() {
    rebindLookups.set(0);
    JsonObject tool =
        tool("GET", "http://rebind.test:" + internal.port() + "/").add("timeout", 1).build();

    JsonObject result = caller.call(ExtTools.spec(tool), null);

    assertThat(result.getBoolean("ok")).isFalse();
    assertThat(rebindLookups).hasValue(1);
  }
}
