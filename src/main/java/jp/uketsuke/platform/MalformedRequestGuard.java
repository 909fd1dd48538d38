package jp.uketsuke.platform;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Content-Type that is no media type at all ({@code garbage}, {@code application/}) or a URI
 * whose percent-escapes are not UTF-8 ({@code /callers/%FF}) makes the JAX-RS runtime fail before
 * any filter or exception mapper of ours runs, and the servlet container then answers with an HTML
 * page; a charset the JVM does not know ({@code charset=nonsense}) fails reading a String body with
 * a 500. Such requests are refused here, in front of it, with a problem document like every other
 * refusal (415 and 400).
 */
@WebFilter(urlPatterns = "/*")
public class MalformedRequestGuard implements Filter {
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("\\s*" + TOKEN + "/" + TOKEN + "\\s*(;.*)?", Pattern.DOTALL);
  private static final Pattern CHARSET =
      Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse out = (HttpServletResponse) response;
    String contentType = request.getContentType();
    if (contentType != null
        && !contentType.isBlank()
        && !MEDIA_TYPE.matcher(contentType).matches()) {
      refuse(http, out, 415, "Unsupported Media Type", "Content-Type is not a valid media type.");
    } else if (contentType != null && !knownCharset(contentType)) {
      refuse(http, out, 415, "Unsupported Media Type", "The charset of Content-Type is unknown.");
    } else if (!isUtf8(http.getRequestURI()) || !isUtf8(http.getQueryString())) {
      refuse(http, out, 400, "Bad Request", "The request URI is not valid percent-encoded UTF-8.");
    } else {
      chain.doFilter(request, response);
    }
  }

  /** No charset parameter, or one this JVM can decode (a String body is read with it). */
  static boolean knownCharset(String contentType) {
    Matcher charset = CHARSET.matcher(contentType);
    if (!charset.find()) {
      return true;
    }
    try {
      return Charset.isSupported(charset.group(1));
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  /** Whether the percent-escapes of a raw URI part decode as UTF-8. */
  static boolean isUtf8(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  private static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail)
      throws IOException {
    String given = request.getHeader(RequestId.HEADER);
    String id =
        given != null && REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    byte[] body =
        JSON.createObjectBuilder()
            .add("ok", false)
            .add("error", detail)
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status)
            .add("detail", detail)
            .add("instance", "urn:uketsuke:request:" + id)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
    response.setHeader(RequestId.HEADER, id);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
