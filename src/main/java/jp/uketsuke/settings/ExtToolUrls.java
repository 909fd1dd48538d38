package jp.uketsuke.settings;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import jp.uketsuke.platform.ApiException;

/**
 * Where an ext-tool may send requests. The server makes these calls from inside the cluster, so a
 * URL must not point at it or its neighbours: https only (plain http for configured development
 * hosts), no credentials in the URL, no placeholder in the host, and no IP literal of a loopback,
 * private, link-local (the metadata service at 169.254.169.254), unique-local or unspecified
 * address. Names are resolved when the tool runs, where the resolved address is checked again.
 */
final class ExtToolUrls {
  private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)[0-9a-fx.]+");

  private ExtToolUrls() {}

  /**
   * @param allowedEndpoints tests and local development only: {@code host:port} pairs exempt from
   *     the address rules (as when the tool runs), such as a local stand-in server
   */
  static void check(String url, String path, Set<String> httpHosts, Set<String> allowedEndpoints) {
    URI uri = parse(url, path);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || host.isEmpty()) {
      throw bad(path, "must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw bad(path, "must not hold credentials; put them in headers");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && httpHosts.contains(host))) {
      throw bad(path, "must use https");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (allowedEndpoints.contains(host + ":" + port)) {
      return;
    }
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      throw bad(path, "must not point at this machine");
    }
    checkAddressLiteral(host, path);
  }

  /** Placeholders are filled at run time; for parsing, each stands for one harmless character. */
  private static URI parse(String url, String path) {
    String authority = authorityOf(url);
    if (authority.contains("{{")) {
      throw bad(path, "must not take its host from a placeholder");
    }
    try {
      return new URI(url.strip().replaceAll("\\{\\{[^}]*}}", "x"));
    } catch (URISyntaxException e) {
      throw bad(path, "is not a valid URL");
    }
  }

  private static String authorityOf(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return "";
    }
    String rest = url.substring(start + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end);
  }

  private static void checkAddressLiteral(String host, String path) {
    boolean ipv6 = host.startsWith("[");
    if (!ipv6 && !NUMERIC_HOST.matcher(host).matches()) {
      return; // a name, checked when it is resolved
    }
    if (!ipv6 && !DOTTED_QUAD.matcher(host).matches()) {
      // 2130706433, 0x7f.1, 127.1: other spellings of addresses that clients still resolve.
      throw bad(path, "must write an IP address as four decimal numbers");
    }
    try {
      InetAddress address =
          InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host);
      if (isInternal(address)) {
        throw bad(path, "must not point at a loopback, private or link-local address");
      }
    } catch (UnknownHostException e) {
      throw bad(path, "has an invalid IP address");
    }
  }

  static boolean isInternal(InetAddress address) {
    byte[] bytes = address.getAddress();
    int first = bytes[0] & 0xff;
    boolean uniqueLocal = bytes.length == 16 && (first & 0xfe) == 0xfc;
    boolean ipv4Special =
        bytes.length == 4
            && (first == 0 || (first == 100 && (bytes[1] & 0xc0) == 64) || first >= 224);
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()
        || uniqueLocal
        || ipv4Special;
  }

  private static jp.uketsuke.platform.ApiException bad(String path, String why) {
    return ApiException.badRequest(path + " " + why + ".");
  }
}
