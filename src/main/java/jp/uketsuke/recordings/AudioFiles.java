package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jp.uketsuke.platform.ApiException;

/**
 * A recording's audio copied to a temporary file for upload: a multipart upload needs its length,
 * and the heap must not hold it. OpenAI refuses files over 25 MB, so a larger one stops early.
 */
@ApplicationScoped
public class AudioFiles {
  static final long MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

  @Inject RecordingAudio audio;

  /** The file; the caller deletes it. */
  Path download(TwilioRecording recording, MediaFormat format) {
    MediaStream media = audio.open(recording, format, Optional.empty());
    Path file = null;
    try (InputStream in = media.body()) {
      file = Files.createTempFile("recording-", "." + format.extension());
      copyBounded(in, file);
      return file;
    } catch (IOException e) {
      delete(file);
      throw ApiException.badGateway("The recording could not be downloaded; try again later.");
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  private static void copyBounded(InputStream in, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        total += read;
        if (total > MAX_UPLOAD_BYTES) {
          throw ApiException.badGateway("The recording is larger than OpenAI accepts (25 MB).");
        }
        out.write(buffer, 0, read);
      }
    }
  }

  static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
