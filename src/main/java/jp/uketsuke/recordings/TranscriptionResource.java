package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.uketsuke.platform.QueryParams;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /transcription}: the transcript of one of the tenant's recordings. */
@ApplicationScoped
@Path("/transcription")
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptionResource {
  @Inject TenantContext tenant;
  @Inject Transcriber transcriber;

  /** {@code text} and {@code segments} as before; the rest is new and optional for clients. */
  public record Reply(
      boolean ok,
      String recordingSid,
      String text,
      List<WhisperSegment> segments,
      String language,
      Double duration,
      String model,
      String createdAt) {}

  @GET
  @Operation(
      summary = "The transcript of a recording of this tenant, computed once and kept",
      description =
          "recording_sid (alias sid); format=mp3|wav is the audio sent to OpenAI (default mp3);"
              + " refresh=true computes it again. Computing one (refresh, or a first request) takes"
              + " from the tenant's transcription rate limit; identical requests in flight share"
              + " one computation.")
  public Reply get(
      @QueryParam("recording_sid") String recordingSid,
      @QueryParam("sid") String alias,
      @QueryParam("format") String format,
      @QueryParam("refresh") String refresh) {
    tenant.caller();
    RecordingSids.Requested requested =
        RecordingSids.recording(
            recordingSid != null ? recordingSid : alias, format, "recording_sid");
    Transcript t =
        transcriber.transcript(
            requested.sid(), requested.format(), QueryParams.bool(refresh, "refresh", false));
    return new Reply(
        true,
        t.recordingSid(),
        t.text(),
        t.segments(),
        t.language(),
        t.duration(),
        t.model(),
        t.createdAt());
  }
}
