package jp.uketsuke.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of hostile input: bodies as bytes (broken JSON, wrong types, huge numbers, nesting,
 * control characters, invalid UTF-8) and path or query values, already percent-encoded, that carry
 * control characters, invalid UTF-8, huge numbers and lengths up to 100 KB.
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

  private Hostile() {}

  static Arbitrary<byte[]> bodies() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, brokenJson().map(Hostile::utf8)),
        net.jqwik.api.Tuple.of(4, wrongTypes().map(Hostile::utf8)),
        net.jqwik.api.Tuple.of(2, nested().map(Hostile::utf8)),
        net.jqwik.api.Tuple.of(2, withControlCharacters().map(Hostile::utf8)),
        net.jqwik.api.Tuple.of(2, invalidUtf8()),
        net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(2000)));
  }

  static Arbitrary<String> brokenJson() {
    return Arbitraries.of(
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
  }

  /** An object of known fields, each with a value of a type the route does not expect. */
  static Arbitrary<String> wrongTypes() {
    Arbitrary<String> field = Arbitraries.of(FIELDS);
    return Combinators.combine(field.list().ofMinSize(1).ofMaxSize(4), values().list().ofSize(4))
        .as(
            (names, values) -> {
              StringBuilder json = new StringBuilder("{");
              for (int i = 0; i < names.size(); i++) {
                json.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":");
                json.append(values.get(i));
              }
              return json.append('}').toString();
            });
  }

  static Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(
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
            "\"{{arg}}\""),
        Arbitraries.strings().ofMaxLength(40).map(Hostile::jsonString),
        Arbitraries.integers().between(1000, 200_000).map(n -> jsonString("あ".repeat(n / 3))));
  }

  /** Arrays or objects nested up to 10,000 levels, closed or left open. */
  static Arbitrary<String> nested() {
    return Combinators.combine(
            Arbitraries.of(100, 1000, 5000, 10_000),
            Arbitraries.of("[", "{\"config\":", "{\"a\":["),
            Arbitraries.of(true, false))
        .as(
            (depth, open, closed) -> {
              String close = open.equals("[") ? "]" : open.equals("{\"config\":") ? "}" : "]}";
              String inner = open.repeat(depth) + "1";
              return closed ? inner + close.repeat(depth) : inner;
            });
  }

  static Arbitrary<String> withControlCharacters() {
    Arbitrary<String> controls =
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(10);
    return Combinators.combine(Arbitraries.of(FIELDS), controls)
        .as((f, c) -> "{\"" + f + "\": \"" + c + "\", \"question\": \"q" + c + "\"}");
  }

  static Arbitrary<byte[]> invalidUtf8() {
    Arbitrary<byte[]> bad =
        Arbitraries.of(
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xfe, (byte) 0xff},
            new byte[] {(byte) 0xc0, (byte) 0x80},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xe3, (byte) 0x81},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    return Combinators.combine(Arbitraries.of(FIELDS), bad)
        .as(
            (field, bytes) -> {
              byte[] head = utf8("{\"" + field + "\": \"a");
              byte[] tail = utf8("b\", \"content\": \"x\"}");
              byte[] body = Arrays.copyOf(head, head.length + bytes.length + tail.length);
              System.arraycopy(bytes, 0, body, head.length, bytes.length);
              System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
              return body;
            });
  }

  /** A path segment or query value as it goes on the wire. */
  static Arbitrary<String> encodedValues() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30).map(Route::encode)),
        net.jqwik.api.Tuple.of(
            3,
            Arbitraries.of(
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
                "%E2%80%AE")),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.integers().between(10_000, 100_000).map(n -> "A".repeat(n))));
  }

  static Arbitrary<String> contentTypes() {
    return Arbitraries.of(
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
  }

  static String jsonString(String s) {
    return jakarta.json.Json.createValue(s).toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
