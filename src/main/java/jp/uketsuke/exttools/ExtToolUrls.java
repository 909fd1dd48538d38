package jp.uketsuke.exttools;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one rule for where an ext-tool may point, checked when a tool is saved and again when it
 * runs: https only (plain http for hosts in {@code uketsuke.ext-tools.http-hosts}), no credentials
 * in the URL, an IPv4 literal only as four decimal numbers, no IP literal of an internal address
 * and no {@code localhost} name. Names are names: whether they lead somewhere internal is decided
 * by their resolved addresses when the tool runs ({@code ExtToolAddresses}).
 *
 * <p>{@code allowedEndpoints} ({@code host:port} exactly as written) skip the internal-address
 * judgement, for tests and local development whose stand-in server listens on loopback.
 */
public final class ExtToolUrls {
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
  // A host whose last label is a number is an IPv4 address to browsers and resolvers (the URL
  // standard's "ends in a number": 127.1, 0x7f.1, 2130706433); cafe.de is a name.
  private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)\\d+|0x[0-9a-f]*");

  /** The one refusal that is about the scheme, not the address. */
  static final String HTTPS_ONLY = "must use https";

  static final String INTERNAL =
      "must not point at a loopback, private, link-local or otherwise internal address";

  private final Set<String> httpHosts;
  private final Set<String> allowedEndpoints;

  /** Both sets lower case. */
  public ExtToolUrls(Set<String> httpHosts, Set<String> allowedEndpoints) {
    this.httpHosts = httpHosts;
    this.allowedEndpoints = allowedEndpoints;
  }

  /**
   * The rule from the values of a pair of configuration keys ({@code http-hosts}, {@code
   * allowed-endpoints}), as written: compared case-insensitively, blank entries ignored.
   */
  public static ExtToolUrls of(
      Optional<List<String>> httpHosts, Optional<List<String>> allowedEndpoints) {
    return new ExtToolUrls(lowerCased(httpHosts), lowerCased(allowedEndpoints));
  }

  private static Set<String> lowerCased(Optional<List<String>> values) {
    return values.orElse(List.of()).stream()
        .map(value -> value.strip().toLowerCase(Locale.ROOT))
        .filter(value -> !value.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Why a URL is refused, worded to follow "the URL": {@code must use https}. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Where a URL that passed the rule leads.
   *
   * @param name the host to resolve (no brackets, no trailing dot)
   * @param literal the address when the host is an IP literal, else null
   * @param exempt the host:port is one of the allowed endpoints
   */
  record Target(String name, InetAddress literal, boolean exempt) {}

  /**
   * A saved URL template: its host must not come from a placeholder; each placeholder elsewhere
   * stands for one harmless character.
   */
  public void checkTemplate(String url) throws Refused {
    if (authorityOf(url).contains("{{")) {
      throw new Refused("must not take its host from a placeholder");
    }
    try {
      check(new URI(url.strip().replaceAll("\\{\\{[^}]*}}", "x")));
    } catch (URISyntaxException e) {
      throw new Refused("is not a valid URL");
    }
  }

  /** The literal checks, the same when saved and when run. */
  Target check(URI uri) throws Refused {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || host.isEmpty()) {
      throw new Refused("must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("must not hold credentials; put them in headers");
    }
    if (!scheme.equals("https") && !(scheme.equals("http") && httpHosts.contains(host))) {
      throw new Refused(HTTPS_ONLY);
    }
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    InetAddress literal = literal(host.startsWith("["), name);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    boolean exempt = allowedEndpoints.contains(host + ":" + port);
    boolean local = name.equals("localhost") || name.endsWith(".localhost");
    if (!exempt && (local || (literal != null && isInternal(literal)))) {
      throw new Refused(INTERNAL);
    }
    return new Target(name, literal, exempt);
  }

  /** Whether an address is internal (see {@link InternalAddresses}). */
  static boolean isInternal(InetAddress address) {
    return InternalAddresses.isInternal(address);
  }

  private static InetAddress literal(boolean bracketed, String name) throws Refused {
    boolean quad = !bracketed && DOTTED_QUAD.matcher(name).matches();
    if (!bracketed && !quad) {
      String last = name.substring(name.lastIndexOf('.') + 1);
      if (NUMERIC_LABEL.matcher(last).matches()) {
        throw new Refused("must write an IP address as four decimal numbers");
      }
      return null;
    }
    try {
      return InetAddress.getByName(name); // a literal: never a DNS query
    } catch (UnknownHostException e) {
      throw new Refused("has an invalid IP address");
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
}
