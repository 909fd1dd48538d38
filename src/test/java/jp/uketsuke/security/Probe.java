package jp.uketsuke.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;

/**
 * One request another tenant makes with tenant A's keys, and the statuses that keep A's data
 * hidden: 404 for a key, 200 with nothing of A's for a listing, 400 for a cursor that is refused.
 */
record Probe(String method, String path, String body, Set<Integer> allowed) {

  static Probe notFound(String method, String path, String body) {
    return new Probe(method, path, body, Set.of(404));
  }

  static Probe notFound(String method, String path) {
    return notFound(method, path, null);
  }

  /** A listing or search: B's own (empty) result, or 404. */
  static Probe nothing(String method, String path, String body) {
    return new Probe(method, path, body, Set.of(200, 404));
  }

  static Probe nothing(String path) {
    return nothing("GET", path, null);
  }

  /** A's opaque cursor: refused, or a page of B's own. */
  static Probe cursor(String path) {
    return new Probe("GET", path, null, Set.of(200, 400));
  }

  /** B creating something under A's key: B's own namespace, so never a 409 that betrays A's. */
  static Probe fresh(String method, String path, String body) {
    return new Probe(method, path, body, Set.of(200));
  }

  /**
   * B logging a turn under A's call SID: refused, as issue #14 asks (the first tenant keeps a SID).
   * The answer says only that the SID is taken, which a Twilio SID's holder knows anyway; nothing
   * of A's data.
   */
  static Probe claimed(String method, String path, String body) {
    return new Probe(method, path, body, Set.of(409));
  }

  Reply send(Api api) {
    if (body == null) {
      return api.send(method, path, java.net.http.HttpRequest.BodyPublishers.noBody());
    }
    return api.sendJson(method, path, body);
  }

  /** What B itself put into the request: finding it in the answer is an echo, not a leak. */
  String sent() {
    return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)
        + (body == null ? "" : body);
  }

  @Override
  public String toString() {
    return method + " " + path + (body == null ? "" : " " + body);
  }
}
