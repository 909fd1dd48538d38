package jp.uketsuke.exttools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses count as internal: everything an ext-tool must never reach from the cluster. */
class InternalAddressesTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "IPv4 loopback, 127.0.0.1",
    "IPv4 loopback /8, 127.255.0.9",
    "private 10/8, 10.0.0.1",
    "private 172.16/12 low, 172.16.0.1",
    "private 172.16/12 high, 172.31.255.255",
    "private 192.168/16, 192.168.1.1",
    "link-local metadata service, 169.254.169.254",
    "shared 100.64/10 low, 100.64.0.1",
    "shared 100.64/10 high, 100.127.255.255",
    "unspecified IPv4, 0.0.0.0",
    "this network 0/8, 0.1.2.3",
    "IPv4 multicast, 224.0.0.1",
    "IPv4 reserved 240/4, 240.0.0.1",
    "IPv4 broadcast, 255.255.255.255",
    "IPv6 loopback, ::1",
    "IPv6 unspecified, ::",
    "IPv6 link-local, fe80::1",
    "unique-local fc00::/7, fc00::1",
    "unique-local fd00::/8, fd12:3456::1",
    "IPv6 site-local (deprecated), fec0::1",
    "IPv6 multicast, ff02::1",
    "IPv4-mapped loopback, ::ffff:127.0.0.1",
    "IPv4-mapped metadata service, ::ffff:169.254.169.254",
    "IPv4-mapped private, ::ffff:10.0.0.1",
    "IPv4-translated loopback, ::ffff:0:7f00:1",
    "IPv4-compatible loopback, ::127.0.0.1",
    "IPv4-compatible private, ::10.0.0.1",
    "IPv4-compatible metadata service, ::169.254.169.254",
    "6to4 of loopback, 2002:7f00:1::",
    "6to4 of private, 2002:a00:1::",
    "6to4 of metadata service with a host part, 2002:a9fe:a9fe::1",
    "NAT64 well-known prefix of loopback, 64:ff9b::7f00:1",
    "NAT64 well-known prefix of metadata service, 64:ff9b::a9fe:a9fe",
    "NAT64 well-known prefix of private, 64:ff9b::a00:1",
    "NAT64 local-use of loopback, 64:ff9b:1::7f00:1",
    "NAT64 local-use of metadata service, 64:ff9b:1::a9fe:a9fe",
    "NAT64 local-use in another layout (refused), 64:ff9b:1:7f00:0:100::",
    "NAT64 prefix outside both /96 layouts (refused), 64:ff9b:0:1::808:808",
    "Teredo of public server and client (refused), 2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "Teredo of loopback server (refused), 2001:0:7f00:1::ffff:fffe",
    "Teredo of loopback client (refused), 2001:0:808:808::80ff:fffe"
  })
  void internalAddressesAreInternal(String form, String literal) throws UnknownHostException {
    assertThat(InternalAddresses.isInternal(ipv6Kept(literal))).as(form).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "public IPv4, 8.8.8.8",
    "public IPv4 (example.com), 93.184.215.14",
    "just above 172.16/12, 172.32.0.1",
    "just below 172.16/12, 172.15.255.255",
    "just above 100.64/10, 100.128.0.1",
    "just below 100.64/10, 100.63.0.1",
    "just above 192.168/16, 192.169.0.1",
    "just above 169.254/16, 169.255.0.1",
    "last unicast /8, 223.255.255.255",
    "public IPv6, 2606:4700:4700::1111",
    "documentation IPv6, 2001:db8::1",
    "IPv4-mapped public, ::ffff:8.8.8.8",
    "IPv4-translated public, ::ffff:0:808:808",
    "IPv4-compatible public, ::8.8.8.8",
    "6to4 of public, 2002:808:808::",
    "NAT64 well-known prefix of public, 64:ff9b::808:808",
    "NAT64 local-use of public, 64:ff9b:1::808:808"
  })
  void publicAddressesAreNot(String form, String literal) throws UnknownHostException {
    assertThat(InternalAddresses.isInternal(ipv6Kept(literal))).as(form).isFalse();
  }

  /** The JDK turns ::ffff:a.b.c.d into an IPv4 address; keep the IPv6 form a resolver may give. */
  static InetAddress ipv6Kept(String literal) throws UnknownHostException {
    InetAddress parsed = InetAddress.getByName(literal);
    if (!literal.contains(":") || parsed instanceof Inet6Address) {
      return parsed;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(((Inet4Address) parsed).getAddress(), 0, mapped, 12, 4);
    return Inet6Address.getByAddress(null, mapped, -1);
  }
}
