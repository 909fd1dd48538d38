package jp.uketsuke.recordings;

import java.util.Locale;
import jp.uketsuke.platform.ApiException;

/** The audio formats Twilio serves a recording in. */
enum MediaFormat {
  MP3("mp3", "audio/mpeg"),
  WAV("wav", "audio/wav");

  private final String extension;
  private final String contentType;

  MediaFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  String extension() {
    return extension;
  }

  String contentType() {
    return contentType;
  }

  static boolean known(String extension) {
    return MP3.extension.equals(extension) || WAV.extension.equals(extension);
  }

  /** {@code format} as sent, or the default when absent; 400 naming the parameter otherwise. */
  static MediaFormat parse(String raw, MediaFormat defaultFormat) {
    if (raw == null || raw.isBlank()) {
      return defaultFormat;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "mp3" -> MP3;
      case "wav" -> WAV;
      default -> throw ApiException.badRequest("format must be mp3 or wav.");
    };
  }
}
