package jp.uketsuke.exttools;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;

/**
 * Where an ext-tool may connect. The URL passes the same rule as when the tool was saved ({@link
 * ExtToolUrls}); then the host is resolved once here and refused if any of its addresses is
 * internal; the call connects to exactly these addresses, so a second, different DNS answer
 * (rebinding) never gets a say. Allowed endpoints skip only the internal-address judgement.
 */
final class ExtToolAddresses {
  /** Name resolution; the default is the system resolver, tests use a fixed table. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final ExtToolUrls urls;
  private final Resolver resolver;

  ExtToolAddresses(ExtToolUrls urls, Resolver resolver) {
    this.urls = urls;
    this.resolver = resolver;
  }

  ExtToolAddresses(Set<String> httpHosts, Set<String> allowedEndpoints, Resolver resolver) {
    this(new ExtToolUrls(httpHosts, allowedEndpoints), resolver);
  }

  /** The checked addresses the call must connect to, and only to. */
  InetAddress[] check(URI uri) throws ExtToolFailure {
    ExtToolUrls.Target target;
    try {
      target = urls.check(uri);
    } catch (ExtToolUrls.Refused e) {
      String refusal = "the tool's URL " + e.getMessage();
      throw new ExtToolFailure(
          e.getMessage().equals(ExtToolUrls.HTTPS_ONLY) ? refusal : "refused: " + refusal);
    }
    if (target.literal() != null) {
      return new InetAddress[] {target.literal()};
    }
    InetAddress[] addresses = resolve(target.name());
    if (!target.exempt() && Arrays.stream(addresses).anyMatch(ExtToolUrls::isInternal)) {
      throw new ExtToolFailure(
          "refused: "
              + target.name()
              + " resolves to a loopback, private, link-local or otherwise internal address");
    }
    return addresses;
  }

  private InetAddress[] resolve(String name) throws ExtToolFailure {
    try {
      InetAddress[] found = resolver.resolve(name);
      if (found == null || found.length == 0) {
        throw new UnknownHostException(name);
      }
      return found;
    } catch (UnknownHostException e) {
      throw new ExtToolFailure("could not resolve host " + name);
    }
  }
}
