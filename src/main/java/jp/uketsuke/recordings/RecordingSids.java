package jp.uketsuke.recordings;

import java.util.regex.Pattern;
import jp.uketsuke.platform.ApiException;

/**
 * SIDs as clients send them. They go into Twilio URLs, so only letters, digits, {@code -} and
 * {@code _} pass; anything else is the client's mistake (400 naming the field).
 */
final class RecordingSids {
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9_-]{2,64}");

  private RecordingSids() {}

  static String require(String raw, String field) {
    String sid = raw == null ? "" : raw.strip();
    if (sid.isEmpty()) {
      throw ApiException.badRequest(field + " is required.");
    }
    if (!SID.matcher(sid).matches()) {
      throw ApiException.badRequest(
          field + " must be a SID of letters and digits (at most 64 characters).");
    }
    return sid;
  }

  /** A recording SID with its format: {@code RE123.mp3} is {@code RE123} in MP3. */
  record Requested(String sid, MediaFormat format) {}

  static Requested recording(String raw, String format, String field) {
    String text = raw == null ? "" : raw.strip();
    MediaFormat suffix = null;
    for (MediaFormat candidate : MediaFormat.values()) {
      if (text.toLowerCase(java.util.Locale.ROOT).endsWith("." + candidate.extension())) {
        suffix = candidate;
        text = text.substring(0, text.length() - candidate.extension().length() - 1);
      }
    }
    MediaFormat chosen = MediaFormat.parse(format, suffix == null ? MediaFormat.MP3 : suffix);
    return new Requested(require(text, field), chosen);
  }
}
