package jp.uketsuke.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generator of hostile input, driven by one seeded random source so that a case can be made again
 * from its seed: bodies as bytes (broken JSON, wrong types, huge numbers, nesting, control
 * characters, invalid UTF-8, random bytes) and path or query values, already percent-encoded, that
 * carry control characters, invalid UTF-8, huge numbers and lengths up to 100 KB.
 */
final class Hostile {
  /** The fields our routes read, so wrong types reach the code that reads them. */
  static final List<String> FIELDS =
      List.of(
          "question",
          "answer",
          "name",
          "phone_number",
          "phone",
          "user_text",
          "assistant_text",
          "call_sid",
          "callSid",
          "ts",
          "content",
          "config",
          "arguments",
          "request",
          "start_datetime",
          "status",
          "address",
          "tools",
          "ext_tools",
          "instructions",
          "limit");

  static final List<String> BROKEN_JSON =
      List.of(
          "",
          "{",
          "}",
          "[",
          "{\"",
          "{\"question\": ",
          "{\"question\": \"a",
          "{\"a\":}",
          "{,}",
          "{\"a\": 1,}",
          "nul",
          "tru",
          "{'a': 1}",
          "{\"a\" 1}",
          "\"\\u12\"",
          "{\"a\": \"\\x\"}",
          "[1, 2",
          "{\"a\": 01}",
          "{\"a\": .5}",
          "{\"a\": +1}",
          "{\"a\": NaN}",
          "{\"a\": Infinity}",
          "\uFEFF{}",
          "{}{}",
          "null",
          "[]",
          "\"text\"",
          "42",
          "-0",
          "1e999999");

  /** JSON values of types and sizes a route does not expect. */
  static final List<String> ODD_VALUES =
      List.of(
          "null",
          "true",
          "false",
          "0",
          "-1",
          "1e308",
          "1e309",
          "-1e999999",
          "1e-999999",
          "123456789012345678901234567890123456789",
          "9223372036854775808",
          "3.14",
          "[]",
          "{}",
          "[1, \"a\", null]",
          "{\"type\": {\"type\": []}}",
          "\"\"",
          "\" \"",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"2025-13-45T99:99:99+25:00\"",
          "\"../../etc/passwd\"",
          "\"<script>alert(1)</script>\"",
          "\"' OR 1=1 --\"",
          "\"%00%ff\"",
          "\"{{arg}}\"");

  static final List<byte[]> INVALID_UTF8 =
      List.of(
          new byte[] {(byte) 0xff},
          new byte[] {(byte) 0xfe, (byte) 0xff},
          new byte[] {(byte) 0xc0, (byte) 0x80},
          new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          new byte[] {(byte) 0xe3, (byte) 0x81},
          new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

  /** Path segments and query values as they go on the wire. */
  static final List<String> ODD_ENCODED_VALUES =
      List.of(
          "%00",
          "%FF%FE",
          "%C0%80",
          "%ED%A0%80",
          "%E3%81",
          "%25",
          "%2F..%2F..%2F",
          "%0D%0A",
          "..",
          ".",
          "-1",
          "0",
          "1e309",
          "NaN",
          "99999999999999999999999999",
          "9223372036854775808",
          "-9223372036854775809",
          "2025-02-30T25:61:00Z",
          "%20",
          "%7B%7Barg%7D%7D",
          "asc%00",
          "csv%0A",
          "%E2%80%AE");

  static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json; charset=ISO-8859-1",
          "application/json; charset=nonsense",
          "application/json; charset=UTF-16",
          "application/octet-stream",
          "*/*",
          "application/",
          "garbage",
          ";;;",
          "text/csv",
          "application/problem+json",
          "application/json; boundary=\"",
          "");

  private final SplittableRandom random;

  Hostile(long seed) {
    this.random = new SplittableRandom(seed);
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** A body, weighted as the property test was: 3 broken, 4 wrong types, 2 nested, 2, 2, 1. */
  byte[] body() {
    int kind = random.nextInt(14);
    if (kind < 3) {
      return utf8(pick(BROKEN_JSON));
    } else if (kind < 7) {
      return utf8(wrongTypes());
    } else if (kind < 9) {
      return utf8(nested());
    } else if (kind < 11) {
      return utf8(withControlCharacters());
    } else if (kind < 13) {
      return invalidUtf8();
    }
    byte[] bytes = new byte[random.nextInt(2001)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** An object of known fields, each with a value of a type the route does not expect. */
  String wrongTypes() {
    int fields = 1 + random.nextInt(4);
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < fields; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(pick(FIELDS)).append("\":");
      json.append(value());
    }
    return json.append('}').toString();
  }

  String value() {
    return switch (random.nextInt(3)) {
      case 0 -> pick(ODD_VALUES);
      case 1 -> jsonString(text(random.nextInt(41)));
      default -> jsonString("あ".repeat(random.nextInt(1000, 200_001) / 3));
    };
  }

  /** Arrays or objects nested up to 10,000 levels, closed or left open. */
  String nested() {
    int depth = pick(List.of(100, 1000, 5000, 10_000));
    String open = pick(List.of("[", "{\"config\":", "{\"a\":["));
    String close = open.equals("[") ? "]" : open.equals("{\"config\":") ? "}" : "]}";
    String inner = open.repeat(depth) + "1";
    return random.nextBoolean() ? inner + close.repeat(depth) : inner;
  }

  String withControlCharacters() {
    StringBuilder controls = new StringBuilder();
    int length = 1 + random.nextInt(10);
    for (int i = 0; i < length; i++) {
      controls.append((char) random.nextInt(0x20));
    }
    String c = controls.toString();
    return "{\"" + pick(FIELDS) + "\": \"" + c + "\", \"question\": \"q" + c + "\"}";
  }

  byte[] invalidUtf8() {
    byte[] head = utf8("{\"" + pick(FIELDS) + "\": \"a");
    byte[] bad = pick(INVALID_UTF8);
    byte[] tail = utf8("b\", \"content\": \"x\"}");
    byte[] body = Arrays.copyOf(head, head.length + bad.length + tail.length);
    System.arraycopy(bad, 0, body, head.length, bad.length);
    System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
    return body;
  }

  /** A path segment or query value as it goes on the wire: 4 random text, 3 odd, 1 long. */
  String encodedValue() {
    int kind = random.nextInt(8);
    if (kind < 4) {
      return Route.encode(text(random.nextInt(31)));
    } else if (kind < 7) {
      return pick(ODD_ENCODED_VALUES);
    }
    return "A".repeat(random.nextInt(10_000, 100_001));
  }

  String contentType() {
    return pick(CONTENT_TYPES);
  }

  /**
   * Random text of the given length: mostly printable ASCII, else any UTF-16 code unit (controls,
   * lone surrogates, non-characters, right-to-left marks alike).
   */
  String text(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(
          random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(32, 127));
    }
    return text.toString();
  }

  static String jsonString(String s) {
    return jakarta.json.Json.createValue(s).toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
