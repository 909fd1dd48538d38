package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /recording/{sid}}: a recording's audio, streamed, seekable with {@code Range}. */
@ApplicationScoped
@Path("/recording/{sid}")
public class RecordingResource {
  @Inject TenantContext tenant;
  @Inject RecordingAudio audio;

  @GET
  @Operation(
      summary = "The audio of a recording of this tenant (audio/mpeg or audio/wav)",
      description =
          "format=mp3|wav (default mp3; a .mp3 or .wav suffix on the sid works too). Honours a"
              + " single byte Range with 206 and Content-Range.")
  public Response get(
      @PathParam("sid") String sid,
      @QueryParam("format") String format,
      @HeaderParam("Range") String range) {
    tenant.caller();
    RecordingSids.Requested requested = RecordingSids.recording(sid, format, "sid");
    Optional<ByteRange> byteRange = ByteRange.parse(range);
    MediaStream media = audio.open(requested.sid(), requested.format(), byteRange);
    return MediaResponses.of(media, requested.format(), byteRange);
  }
}
