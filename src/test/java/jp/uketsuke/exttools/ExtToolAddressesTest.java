package jp.uketsuke.exttools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a tool runs, the URL passes the literal rule and every resolved address must be public,
 * including IPv6 answers that wrap an IPv4 address. The stand-in resolver answers each name with
 * the IPv6 address it is called by ({@code v6-64gff9bgg7f00g1.test} is {@code 64:ff9b::7f00:1}).
 */
class ExtToolAddressesTest {
  private final ExtToolAddresses addresses =
      new ExtToolAddresses(Set.of(), Set.of("stub.test:8443"), ExtToolAddressesTest::resolve);

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    if (host.equals("cafe.de") || host.equals("stub.test")) {
      return new InetAddress[] {InetAddress.getByName(host.equals("cafe.de") ? "8.8.8.8" : "::1")};
    }
    if (!host.startsWith("v6-")) {
      throw new UnknownHostException(host);
    }
    String literal = host.substring(3, host.indexOf('.')).replace('g', ':');
    byte[] bytes = InetAddress.getByName(literal).getAddress();
    return new InetAddress[] {Inet6Address.getByAddress(host, bytes, -1)};
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "IPv4-compatible loopback, ::7f00:1",
    "IPv4-translated metadata service, ::ffff:0:a9fe:a9fe",
    "6to4 of loopback, 2002:7f00:1::",
    "NAT64 of metadata service, 64:ff9b::a9fe:a9fe",
    "local-use NAT64 of private, 64:ff9b:1::a00:1",
    "Teredo, 2001:0:4136:e378:8000:63bf:3fff:fdd2"
  })
  void aNameResolvingToAWrappedInternalAddressIsRefused(String form, String literal) {
    String host = "v6-" + literal.replace(':', 'g') + ".test";

    assertThatThrownBy(() -> addresses.check(URI.create("https://" + host + "/")))
        .as(form)
        .isInstanceOf(ExtToolFailure.class)
        .hasMessage(
            "refused: "
                + host
                + " resolves to a loopback, private, link-local or otherwise internal address");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "IPv4-compatible public, ::808:808",
    "6to4 of public, 2002:808:808::",
    "NAT64 of public, 64:ff9b::808:808",
    "local-use NAT64 of public, 64:ff9b:1::808:808"
  })
  void aNameResolvingToAWrappedPublicAddressIsCalled(String form, String literal) throws Exception {
    String host = "v6-" + literal.replace(':', 'g') + ".test";

    InetAddress[] checked = addresses.check(URI.create("https://" + host + "/"));

    assertThat(checked).as(form).hasSize(1);
  }

  @Test
  void aNameThatLooksHexadecimalIsResolvedAndCalled() throws Exception {
    assertThat(addresses.check(URI.create("https://cafe.de/")))
        .containsExactly(InetAddress.getByName("8.8.8.8"));
  }

  @Test
  void anAllowedEndpointMayResolveToLoopback() throws Exception {
    assertThat(addresses.check(URI.create("https://stub.test:8443/"))).hasSize(1);
    assertThatThrownBy(() -> addresses.check(URI.create("https://stub.test:8444/")))
        .hasMessageStartingWith("refused: stub.test resolves to");
  }
}
