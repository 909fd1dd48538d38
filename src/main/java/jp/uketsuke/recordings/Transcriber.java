package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import jp.uketsuke.calls.CallSessions;
import jp.uketsuke.calls.Turn;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.RateLimits;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.TenantContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A transcript is paid for once: the stored one is served without asking Twilio or OpenAI, and only
 * {@code refresh} computes it again. A stored transcript is in the tenant's own partition, so
 * serving it needs no further ownership check; computing one needs the recording to be owned.
 *
 * <p>Each computation takes a token of the tenant's {@code transcriptions} rate limit once the
 * recording is known to be owned, before its audio is fetched (429 over it); serving a stored
 * transcript takes none.
 */
@ApplicationScoped
public class Transcriber {
  @Inject TenantContext tenant;
  @Inject TwilioAccounts accounts;
  @Inject RecordingAccess access;
  @Inject CallSessions sessions;
  @Inject AudioFiles audioFiles;
  @Inject Whisper whisper;
  @Inject TranscriptStore store;
  @Inject UsageCounter usage;
  @Inject RateLimits limits;

  Transcript transcript(String recordingSid, MediaFormat format, boolean refresh) {
    String tenantId = tenant.tenantId();
    if (!refresh) {
      Optional<Transcript> stored = store.find(tenantId, recordingSid);
      if (stored.isPresent()) {
        return stored.get();
      }
    }
    whisper.requireConfigured();
    accounts.requireConfigured();
    TwilioRecording recording = access.owned(recordingSid);
    limits.takeOrRefuse(tenantId, RateLimits.Kind.TRANSCRIPTIONS);
    WhisperResult result = transcribe(recording, format, whisper.languageOf(tenantId));
    Transcript transcript = transcriptOf(recording, result, tenantId);
    store.save(tenantId, recording.callSid(), phoneOf(recording.callSid()), transcript);
    usage.addTranscribedSeconds(tenantId, seconds(transcript, recording));
    return transcript;
  }

  private WhisperResult transcribe(TwilioRecording recording, MediaFormat format, String lang) {
    Path file = audioFiles.download(recording, format);
    try {
      return whisper.transcribe(file, format, lang);
    } catch (CircuitBreakerOpenException e) {
      throw ApiException.unavailable("Transcription is failing at OpenAI; try again in a minute.");
    } finally {
      AudioFiles.delete(file);
    }
  }

  private Transcript transcriptOf(TwilioRecording recording, WhisperResult result, String tenant) {
    return new Transcript(
        recording.sid(),
        result.text(),
        result.segments() == null ? java.util.List.of() : result.segments(),
        whisper.model(),
        result.language() == null ? whisper.languageOf(tenant) : result.language(),
        result.duration(),
        Timestamps.now());
  }

  /** The caller's phone, so that erasing the caller finds this transcript too. */
  private String phoneOf(String callSid) {
    return sessions.session(callSid).stream()
        .map(Turn::phoneNumber)
        .filter(phone -> phone != null && !phone.isBlank() && !"unknown".equals(phone))
        .findFirst()
        .orElse(null);
  }

  private static long seconds(Transcript transcript, TwilioRecording recording) {
    if (transcript.duration() != null) {
      return (long) Math.ceil(transcript.duration());
    }
    return recording.duration() == null ? 0 : recording.duration();
  }
}
