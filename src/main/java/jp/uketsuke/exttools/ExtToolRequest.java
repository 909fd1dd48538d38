package jp.uketsuke.exttools;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One ext-tool call as it will be sent: the stored tool, as {@code jp.uketsuke.settings} read it,
 * filled with the model's arguments.
 *
 * @param body the body text, or null for none
 * @param contentType the body's media type, or null for none
 */
record ExtToolRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    String body,
    String contentType,
    Duration timeout) {
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(15);
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  // Set by the client from the body and the connection; a tool must not smuggle its own.
  private static final Set<String> RESERVED_HEADERS =
      Set.of("host", "content-length", "transfer-encoding", "connection", "upgrade", "te");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  static ExtToolRequest of(ExtTool tool, JsonObject arguments, Duration defaultTimeout)
      throws ExtToolFailure {
    requireArguments(tool, arguments);
    ExtToolTemplates templates = new ExtToolTemplates(arguments);
    Map<String, String> headers = headers(tool, templates);
    ExtToolBody body = ExtToolBody.of(tool.body(), headers.remove("content-type"), templates);
    String method = tool.method() != null ? tool.method() : tool.body() == null ? "GET" : "POST";
    if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      throw new ExtToolFailure("the tool's method " + method + " is not supported");
    }
    return new ExtToolRequest(
        method.toUpperCase(Locale.ROOT),
        uri(templates.url(tool.url())),
        headers,
        body == null ? null : body.text(),
        body == null ? null : body.contentType(),
        timeout(tool.timeout(), defaultTimeout));
  }

  /** The tool's headers filled in; names that are not HTTP tokens, or reserved, are left out. */
  private static Map<String, String> headers(ExtTool tool, ExtToolTemplates templates) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    tool.headers()
        .forEach(
            (name, value) -> {
              String key = name.strip();
              if (TOKEN.matcher(key).matches()
                  && !RESERVED_HEADERS.contains(key.toLowerCase(Locale.ROOT))) {
                headers.put(key, templates.header(value));
              }
            });
    return headers;
  }

  private static void requireArguments(ExtTool tool, JsonObject arguments) throws ExtToolFailure {
    for (String name : tool.required()) {
      if (!arguments.containsKey(name)) {
        throw new ExtToolFailure("missing argument: " + name);
      }
    }
  }

  private static URI uri(String url) throws ExtToolFailure {
    try {
      return new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new ExtToolFailure("the tool's URL is not valid with these arguments");
    }
  }

  /**
   * The tool's timeout, else the configured default; never more than 15 seconds, and never zero,
   * which the HTTP client would take for "no timeout".
   */
  static Duration timeout(Duration configured, Duration defaultTimeout) {
    Duration timeout =
        configured != null && configured.toMillis() > 0 ? configured : defaultTimeout;
    boolean unbounded = timeout == null || timeout.toMillis() < 1;
    return unbounded || timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
  }
}
