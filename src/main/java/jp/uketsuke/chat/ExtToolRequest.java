package jp.uketsuke.chat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One ext-tool call as it will be sent: the stored tool ({@code method, url, headers, body,
 * parameters, timeout}, as {@code jp.uketsuke.settings} checked it) filled with the model's
 * arguments.
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
  // Set by the client from the body and the connection; a tool must not smuggle its own.
  private static final Set<String> RESERVED_HEADERS =
      Set.of("host", "content-length", "transfer-encoding", "connection", "content-type");

  static ExtToolRequest of(JsonObject tool, JsonObject arguments, Duration defaultTimeout)
      throws ExtToolFailure {
    requireArguments(tool, arguments);
    ExtToolTemplates templates = new ExtToolTemplates(arguments);
    Map<String, String> headers = new LinkedHashMap<>();
    String contentType = null;
    if (tool.get("headers") instanceof JsonObject configured) {
      for (Map.Entry<String, JsonValue> header : configured.entrySet()) {
        String value = templates.header(textOf(header.getValue()));
        String name = header.getKey().strip();
        if (name.equalsIgnoreCase("content-type")) {
          contentType = value;
        } else if (!RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          headers.put(name, value);
        }
      }
    }
    JsonValue bodyTemplate = tool.get("body");
    ExtToolBody body = ExtToolBody.of(bodyTemplate, contentType, templates);
    String method = tool.getString("method", bodyTemplate == null ? "GET" : "POST");
    return new ExtToolRequest(
        method.toUpperCase(Locale.ROOT),
        uri(templates.url(textOf(tool.get("url")))),
        headers,
        body == null ? null : body.text(),
        body == null ? null : body.contentType(),
        timeout(tool.get("timeout"), defaultTimeout));
  }

  private static void requireArguments(JsonObject tool, JsonObject arguments)
      throws ExtToolFailure {
    if (tool.get("parameters") instanceof JsonObject schema
        && schema.get("required") instanceof jakarta.json.JsonArray required) {
      for (JsonValue name : required) {
        if (name instanceof JsonString string && !arguments.containsKey(string.getString())) {
          throw new ExtToolFailure("missing argument: " + string.getString());
        }
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

  /** The tool's timeout, else the configured default; never more than 15 seconds. */
  static Duration timeout(JsonValue configured, Duration defaultTimeout) {
    Duration timeout =
        configured instanceof JsonNumber seconds && seconds.doubleValue() > 0
            ? Duration.ofMillis(Math.round(seconds.doubleValue() * 1000))
            : defaultTimeout;
    return timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
  }

  private static String textOf(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : "";
  }
}
