package jp.uketsuke.exttools;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.core5.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one of the tenant's ext-tools for the model: fills the tool's URL, headers and body with the
 * model's arguments (escaped), refuses internal addresses, sends the request and hands back a
 * bounded answer. It never throws: every outcome is a result the model can read,
 *
 * <ul>
 *   <li>{@code {ok:true, status, body, truncated?}} when the host answered, whatever the status (a
 *       redirect is such an answer, it is not followed); {@code body} is the parsed JSON when the
 *       answer is JSON and was not cut, else text;
 *   <li>{@code {ok:false, error}} when there was no answer: refused address, DNS failure, timeout,
 *       connection refused, missing arguments.
 * </ul>
 */
@ApplicationScoped
public class ExtToolCaller {
  private static final Logger LOG = Logger.getLogger(ExtToolCaller.class.getName());

  private Duration defaultTimeout;
  private ExtToolAddresses addresses;
  private ExtToolHttp http;

  @Inject
  public ExtToolCaller(
      ExtToolRule rule,
      @ConfigProperty(name = "uketsuke.ext-tools.max-response-bytes", defaultValue = "16384")
          int maxResponseBytes,
      @ConfigProperty(name = "uketsuke.ext-tools.default-timeout", defaultValue = "PT5S")
          Duration defaultTimeout) {
    this(rule.urls(), maxResponseBytes, defaultTimeout, InetAddress::getAllByName);
  }

  ExtToolCaller(
      Set<String> httpHosts,
      Set<String> allowedEndpoints,
      int maxResponseBytes,
      Duration defaultTimeout,
      ExtToolAddresses.Resolver resolver) {
    this(new ExtToolUrls(httpHosts, allowedEndpoints), maxResponseBytes, defaultTimeout, resolver);
  }

  private ExtToolCaller(
      ExtToolUrls urls,
      int maxResponseBytes,
      Duration defaultTimeout,
      ExtToolAddresses.Resolver resolver) {
    this.defaultTimeout = ExtToolRequest.timeout(null, defaultTimeout);
    this.addresses = new ExtToolAddresses(urls, resolver);
    this.http = new ExtToolHttp(Math.max(1, maxResponseBytes));
  }

  /** Needed by CDI for the client proxy of an application-scoped bean. */
  protected ExtToolCaller() {}

  /**
   * @param extTool one stored ext-tool
   * @param arguments the model's arguments for it
   * @return {@code {ok:true, status, body}} or {@code {ok:false, error}}
   */
  public JsonObject call(ExtTool extTool, JsonObject arguments) {
    try {
      JsonObject given = arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments;
      ExtToolRequest request = ExtToolRequest.of(extTool, given, defaultTimeout);
      InetAddress[] checked = addresses.check(request.uri());
      return answered(http.send(request, checked));
    } catch (ExtToolFailure e) {
      return failed(e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ext-tool " + extTool.name() + " failed", e);
      return failed("the tool call failed");
    }
  }

  private static JsonObject failed(String error) {
    return JSON.createObjectBuilder().add("ok", false).add("error", error).build();
  }

  private static JsonObject answered(ExtToolResponse response) {
    JsonObjectBuilder result =
        JSON.createObjectBuilder()
            .add("ok", true)
            .add("status", response.status())
            .add("body", body(response));
    if (response.truncated()) {
      result.add("truncated", true);
    }
    return result.build();
  }

  private static JsonValue body(ExtToolResponse response) {
    ContentType type = contentType(response.contentType());
    String mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
    boolean json = mime.equals("application/json") || mime.endsWith("+json");
    if (json && !response.truncated() && response.body().length > 0) {
      try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(response.body()))) {
        return reader.readValue();
      } catch (JsonException e) {
        // Declared JSON but is not: the model still gets the text.
      }
    }
    Charset charset = type == null ? null : type.getCharset();
    String text = new String(response.body(), charset == null ? StandardCharsets.UTF_8 : charset);
    if (response.truncated() && text.endsWith("\uFFFD")) {
      text = text.substring(0, text.length() - 1); // a character the cut split in two
    }
    return JSON.createValue(text);
  }

  private static ContentType contentType(String header) {
    try {
      return header == null ? null : ContentType.parse(header);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
