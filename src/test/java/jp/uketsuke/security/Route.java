package jp.uketsuke.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the OpenAPI document: method, path template ({@code /faq/{question}}) and the
 * names of its query parameters.
 */
record Route(String method, String template, List<String> queryParams) {
  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  /** How fixtures and reports name it: {@code GET /faq/{question}}. */
  String key() {
    return method + " " + template;
  }

  List<String> pathParams() {
    return PARAM.matcher(template).results().map(m -> m.group(1)).toList();
  }

  boolean hasBody() {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** The template with every parameter replaced by the percent-encoded value given for it. */
  String path(Map<String, String> values) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {" + m.group(1) + "} of " + key());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Every path parameter set to the same (encoded) value. */
  String pathWithAll(String value) {
    return path(
        pathParams().stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> value)));
  }

  /** Every path parameter set to a value that is already percent-encoded (sent as is). */
  String rawPath(String encodedValue) {
    return PARAM.matcher(template).replaceAll(Matcher.quoteReplacement(encodedValue));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return key();
  }
}
