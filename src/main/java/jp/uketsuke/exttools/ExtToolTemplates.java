package jp.uketsuke.exttools;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{arg}}} placeholders with the model's arguments, escaped for where they land, so an
 * argument stays one value: percent-encoded in a URL, a JSON value in a JSON body, a header value
 * without line breaks. The model's arguments are untrusted input.
 */
final class ExtToolTemplates {
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

  private final JsonObject arguments;

  ExtToolTemplates(JsonObject arguments) {
    this.arguments = arguments;
  }

  /**
   * Every value percent-encoded except unreserved characters; in the path the dot too, so that
   * {@code ..} cannot become a dot segment that climbs out of the configured path.
   */
  String url(String template) {
    int query = template.indexOf('?');
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      boolean inPath = query < 0 || matcher.start() < query;
      String encoded = percentEncoded(text(matcher.group(1)), inPath);
      matcher.appendReplacement(out, Matcher.quoteReplacement(encoded));
    }
    return matcher.appendTail(out).toString();
  }

  /** Control characters (CR and LF above all) removed, so a value cannot start a new header. */
  String header(String template) {
    return CONTROL.matcher(substitute(template, false)).replaceAll("");
  }

  /** A form body: values encoded as in a query string. */
  String form(String template) {
    return substitute(template, true);
  }

  /** A plain text body: values as they are (no structure to break out of). */
  String plain(String template) {
    return substitute(template, false);
  }

  /**
   * A body given as JSON: placeholders are filled inside the structure, never by splicing text. A
   * string that is exactly one placeholder takes the argument's own JSON value (number, object...).
   */
  JsonValue json(JsonValue template) {
    if (template instanceof JsonString string) {
      Matcher whole = PLACEHOLDER.matcher(string.getString());
      if (whole.matches()) {
        JsonValue value = arguments.get(whole.group(1));
        return value == null ? JsonValue.NULL : value;
      }
      return JSON.createValue(substitute(string.getString(), false));
    }
    if (template instanceof JsonObject object) {
      JsonObjectBuilder filled = JSON.createObjectBuilder();
      object.forEach((key, value) -> filled.add(key, json(value)));
      return filled.build();
    }
    if (template instanceof JsonArray array) {
      JsonArrayBuilder filled = JSON.createArrayBuilder();
      array.forEach(value -> filled.add(json(value)));
      return filled.build();
    }
    return template;
  }

  /**
   * A body given as a string of JSON text: inside a string literal a value is JSON-escaped, outside
   * one it is written as a JSON value, so quotes in an argument cannot end the literal.
   */
  String jsonText(String template) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && matcher.region(i, template.length()).lookingAt()) {
        JsonValue value = arguments.get(matcher.group(1));
        String literal = (value == null ? JsonValue.NULL : value).toString();
        out.append(inString ? jsonEscaped(text(matcher.group(1))) : literal);
        i = matcher.end();
        continue;
      }
      if (inString && c == '\\' && i + 1 < template.length()) {
        out.append(c).append(template.charAt(i + 1));
        i += 2;
        continue;
      }
      inString ^= c == '"';
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private String substitute(String template, boolean urlEncoded) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = text(matcher.group(1));
      String replacement = urlEncoded ? percentEncoded(value, false) : value;
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return matcher.appendTail(out).toString();
  }

  /** An argument as text: strings as they are, other JSON values as JSON, absent as empty. */
  private String text(String name) {
    JsonValue value = arguments.get(name);
    if (value == null || value == JsonValue.NULL) {
      return "";
    }
    return value instanceof JsonString string ? string.getString() : value.toString();
  }

  private static String jsonEscaped(String text) {
    String quoted = JSON.createValue(text).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String percentEncoded(String value, boolean encodeDot) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '~'
              || (c == '.' && !encodeDot);
      out.append(unreserved ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return out.toString();
  }
}
