package jp.uketsuke.chat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an ext-tool may connect. The server calls from inside the cluster, so the host is resolved
 * once here and refused if any of its addresses is internal; the call then connects to exactly
 * these addresses, so a second, different DNS answer (rebinding) never gets a say.
 *
 * <p>{@code allowedEndpoints} ({@code host:port}, matched literally) skip the address check. They
 * exist for tests and local development, where the stand-in server listens on loopback.
 */
final class ExtToolAddresses {
  /** Name resolution; the default is the system resolver, tests use a fixed table. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
  // A host whose last label is a number is an address in some spelling (127.1, 0x7f.1, 2130706433).
  private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)\\d+|0x[0-9a-f]*");

  private final Set<String> httpHosts;
  private final Set<String> allowedEndpoints;
  private final Resolver resolver;

  ExtToolAddresses(Set<String> httpHosts, Set<String> allowedEndpoints, Resolver resolver) {
    this.httpHosts = httpHosts;
    this.allowedEndpoints = allowedEndpoints;
    this.resolver = resolver;
  }

  /** The checked addresses the call must connect to, and only to. */
  InetAddress[] check(URI uri) throws ExtToolFailure {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || uri.getRawUserInfo() != null) {
      throw new ExtToolFailure("refused: the tool's URL has no usable host");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && httpHosts.contains(host))) {
      throw new ExtToolFailure("the tool's URL must use https");
    }
    InetAddress[] addresses = resolve(host);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (allowedEndpoints.contains(host + ":" + port)) {
      return addresses;
    }
    if (Arrays.stream(addresses).anyMatch(ExtToolAddresses::isInternal)) {
      throw new ExtToolFailure(
          "refused: " + host + " is a loopback, private, link-local or otherwise internal address");
    }
    return addresses;
  }

  private InetAddress[] resolve(String host) throws ExtToolFailure {
    try {
      if (host.startsWith("[")) {
        return new InetAddress[] {InetAddress.getByName(host.substring(1, host.length() - 1))};
      }
      String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
      String last = name.substring(name.lastIndexOf('.') + 1);
      if (DOTTED_QUAD.matcher(name).matches()) {
        return new InetAddress[] {InetAddress.getByName(name)};
      }
      if (NUMERIC_LABEL.matcher(last).matches()) {
        throw new ExtToolFailure("refused: write an IP address as four decimal numbers");
      }
      InetAddress[] found = resolver.resolve(name);
      if (found == null || found.length == 0) {
        throw new UnknownHostException(name);
      }
      return found;
    } catch (UnknownHostException e) {
      throw new ExtToolFailure("could not resolve host " + host);
    }
  }

  /**
   * Loopback, private, link-local (the metadata service), unique-local, unspecified, multicast,
   * shared (100.64/10), 0/8, reserved; IPv6 forms that carry an IPv4 address are judged by it.
   */
  static boolean isInternal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return isInternalIpv4(bytes);
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

  /** IPv4-mapped and -compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms. */
  private static byte[] embeddedIpv4(byte[] bytes) {
    if (bytes[0] == 0x20 && bytes[1] == 0x02) {
      return Arrays.copyOfRange(bytes, 2, 6);
    }
    boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    boolean compatible = bytes[10] == 0 && bytes[11] == 0;
    boolean nat64 =
        bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
    int zeroFrom = nat64 ? 4 : 0;
    for (int i = zeroFrom; i < 10; i++) {
      if (bytes[i] != 0) {
        return null;
      }
    }
    boolean embeds = nat64 ? compatible : mapped || compatible;
    return embeds ? Arrays.copyOfRange(bytes, 12, 16) : null;
  }
}
