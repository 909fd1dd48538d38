package jp.uketsuke.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses count as internal: everything an ext-tool must never reach from the cluster. */
class ExtToolAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.255.0.9",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.255",
        "0.0.0.0",
        "0.1.2.3",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "64:ff9b::7f00:1",
        "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::",
        "2002:a00:1::"
      })
  void internalAddressesAreInternal(String literal) throws UnknownHostException {
    assertThat(ExtToolAddresses.isInternal(ipv6Kept(literal))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "93.184.215.14",
        "172.32.0.1",
        "172.15.255.255",
        "100.128.0.1",
        "100.63.0.1",
        "192.169.0.1",
        "169.255.0.1",
        "2606:4700:4700::1111",
        "2001:db8::1",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::"
      })
  void publicAddressesAreNot(String literal) throws UnknownHostException {
    assertThat(ExtToolAddresses.isInternal(ipv6Kept(literal))).isFalse();
  }

  /**
   * The JDK turns ::ffff:a.b.c.d into an IPv4 address; keep the IPv6 form a resolver might give.
   */
  private static InetAddress ipv6Kept(String literal) throws UnknownHostException {
    InetAddress parsed = InetAddress.getByName(literal);
    if (!literal.contains(":") || parsed instanceof Inet6Address) {
      return parsed;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
    if (literal.startsWith("::") && !literal.startsWith("::ffff:")) {
      mapped[10] = 0;
      mapped[11] = 0;
    }
    return Inet6Address.getByAddress(null, mapped, -1);
  }
}
