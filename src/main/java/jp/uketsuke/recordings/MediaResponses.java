package jp.uketsuke.recordings;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Turns opened media into the response: bytes flow from upstream to the client as they arrive,
 * never the whole file in memory. A range the upstream answered (206) passes through; a range it
 * ignored is cut out of the full stream here, so seeking works either way.
 */
final class MediaResponses {
  private MediaResponses() {}

  static Response of(MediaStream media, MediaFormat format, Optional<ByteRange> range) {
    Response.ResponseBuilder response;
    if (media.partial()) {
      response = Response.status(206).header("Content-Range", media.contentRange());
      response.entity(copy(media.body(), 0, media.length()));
      length(response, media.length());
    } else if (range.isPresent() && media.length() >= 0) {
      long[] slice = sliceOrClose(media, range.get());
      long count = slice[1] - slice[0] + 1;
      response =
          Response.status(206)
              .header(
                  "Content-Range", "bytes %d-%d/%d".formatted(slice[0], slice[1], media.length()))
              .entity(copy(media.body(), slice[0], count));
      length(response, count);
    } else {
      response = Response.ok(copy(media.body(), 0, media.length()));
      length(response, media.length());
    }
    return response
        .type(format.contentType())
        .header("Accept-Ranges", "bytes")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
        .build();
  }

  private static long[] sliceOrClose(MediaStream media, ByteRange range) {
    try {
      return range.within(media.length());
    } catch (RuntimeException e) {
      closeQuietly(media.body());
      throw e;
    }
  }

  private static void length(Response.ResponseBuilder response, long length) {
    if (length >= 0) {
      response.header(HttpHeaders.CONTENT_LENGTH, length);
    }
  }

  /** Skips {@code skip} bytes, then copies {@code count} bytes (all when negative). */
  private static StreamingOutput copy(InputStream body, long skip, long count) {
    return out -> {
      try (InputStream in = body) {
        in.skipNBytes(skip);
        transfer(in, out, count);
      }
    };
  }

  private static void transfer(InputStream in, OutputStream out, long count) throws IOException {
    if (count < 0) {
      in.transferTo(out);
      return;
    }
    byte[] buffer = new byte[16 * 1024];
    long left = count;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        break;
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // the failure being reported matters more than this one
    }
  }
}
