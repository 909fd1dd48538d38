package jp.uketsuke.exttools;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which addresses an ext-tool must never reach from inside the cluster: IPv4 loopback, private,
 * link-local (the metadata service), shared (100.64/10), 0/8, multicast, reserved and broadcast;
 * IPv6 loopback, unspecified, unique-local, link-local, site-local and multicast. IPv6 forms that
 * carry an IPv4 address are judged by that address, because a translator or relay may deliver the
 * packet to it.
 */
final class InternalAddresses {
  private InternalAddresses() {}

  static boolean isInternal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 4 ? isInternalIpv4(bytes) : isInternalIpv6(address, bytes);
  }

  private static boolean isInternalIpv4(byte[] bytes) {
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return first == 0
        || first == 10
        || first == 127
        || (first == 100 && (second & 0xc0) == 64)
        || (first == 169 && second == 254)
        || (first == 172 && (second & 0xf0) == 16)
        || (first == 192 && second == 168)
        || first >= 224;
  }

  private static boolean isInternalIpv6(InetAddress address, byte[] bytes) {
    if (isTeredo(bytes) || isUnknownNat64(bytes)) {
      return true;
    }
    byte[] embedded = embeddedIpv4(bytes);
    if (embedded != null) {
      return isInternalIpv4(embedded);
    }
    return address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()
        || (bytes[0] & 0xfe) == 0xfc;
  }

  /**
   * Teredo (2001::/32) carries two IPv4 addresses, the server's and the client's (obfuscated); it
   * is refused outright rather than judged by them: no public service needs it, and a relay decides
   * where its packets go.
   */
  private static boolean isTeredo(byte[] bytes) {
    return bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0;
  }

  /**
   * NAT64 addresses (64:ff9b::/32) other than the two /96 layouts {@link #embeddedIpv4} reads:
   * where a translator would put the IPv4 address is unknown there, so they are refused.
   */
  private static boolean isUnknownNat64(byte[] bytes) {
    return isNat64Prefix(bytes) && embeddedIpv4(bytes) == null;
  }

  private static boolean isNat64Prefix(byte[] bytes) {
    return bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
  }

  /**
   * The IPv4 address inside IPv4-compatible (::a.b.c.d, which includes :: and ::1), IPv4-mapped
   * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96 and the local-use
   * 64:ff9b:1::/48 with the IPv4 address in the last 32 bits) and 6to4 (2002::/16, bits 16..47).
   */
  private static byte[] embeddedIpv4(byte[] bytes) {
    if (bytes[0] == 0x20 && bytes[1] == 0x02) {
      return Arrays.copyOfRange(bytes, 2, 6);
    }
    boolean last32 =
        zeros(bytes, 0, 12)
            || (zeros(bytes, 0, 10) && ffff(bytes, 10))
            || (zeros(bytes, 0, 8) && ffff(bytes, 8) && zeros(bytes, 10, 12))
            || (isNat64Prefix(bytes) && zeros(bytes, 4, 12))
            || (isNat64Prefix(bytes) && bytes[4] == 0 && bytes[5] == 1 && zeros(bytes, 6, 12));
    return last32 ? Arrays.copyOfRange(bytes, 12, 16) : null;
  }

  private static boolean zeros(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean ffff(byte[] bytes, int at) {
    return bytes[at] == (byte) 0xff && bytes[at + 1] == (byte) 0xff;
  }
}
