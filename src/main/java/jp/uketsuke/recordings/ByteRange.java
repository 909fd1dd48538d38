package jp.uketsuke.recordings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.uketsuke.platform.ApiException;

/**
 * One HTTP byte range ({@code bytes=0-99}, {@code bytes=100-}, {@code bytes=-100}), what a
 * browser's audio player sends to seek. Other forms (several ranges, other units) are ignored and
 * the whole file is served, as RFC 9110 allows.
 *
 * @param first the first byte, or -1 for a suffix range
 * @param last the last byte, or -1 for "to the end" (for a suffix range: the suffix length)
 */
record ByteRange(long first, long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  static Optional<ByteRange> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    long first = m.group(1).isEmpty() ? -1 : Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2));
    if (first >= 0 && last >= 0 && last < first) {
      return Optional.empty();
    }
    return Optional.of(new ByteRange(first, last));
  }

  /** As sent upstream. */
  String header() {
    return "bytes=" + (first < 0 ? "" : first) + "-" + (last < 0 ? "" : last);
  }

  /** The inclusive {@code [start, end]} within a file of {@code total} bytes; 416 when outside. */
  long[] within(long total) {
    long start;
    long end;
    if (first < 0) {
      start = Math.max(0, total - last);
      end = total - 1;
    } else {
      start = first;
      end = last < 0 ? total - 1 : Math.min(last, total - 1);
    }
    if (start >= total || (first < 0 && last == 0)) {
      throw ApiException.rangeNotSatisfiable("The requested range is outside the recording.");
    }
    return new long[] {start, end};
  }
}
