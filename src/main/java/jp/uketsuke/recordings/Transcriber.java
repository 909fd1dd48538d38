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
 * <p>Computing is bounded twice. Each computation takes a token of the tenant's {@code
 * transcriptions} rate limit once the recording is known to be owned, before its audio is fetched
 * (429 over it). And identical requests in flight on this pod share one computation, one OpenAI
 * call and one stored result, so a burst of clicks pays once. Across pods nothing is shared in
 * memory: there the stored transcript decides (a request without {@code refresh} serves it once
 * stored) and so does {@link TranscriptStore#save}'s conditional write (two pods computing a first
 * transcript at once both pay, but the first write wins and both answer with it).
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

  private final InFlight<Inputs, Transcript> inFlight = new InFlight<>();

  /** Everything a computed transcript depends on: requests with equal inputs share one. */
  private record Inputs(
      String tenantId, String recordingSid, MediaFormat format, String language, String model) {}

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
    Inputs inputs =
        new Inputs(tenantId, recordingSid, format, whisper.languageOf(tenantId), whisper.model());
    // A request with refresh and a first request without it want the same fresh transcript; the
    // one that started the computation decides whether it replaces a stored one.
    return inFlight.share(inputs, () -> compute(inputs, refresh));
  }

  /** Runs on the thread of the request that started it, so the tenant context is that request's. */
  private Transcript compute(Inputs inputs, boolean refresh) {
    TwilioRecording recording = access.owned(inputs.recordingSid());
    limits.takeOrRefuse(inputs.tenantId(), RateLimits.Kind.TRANSCRIPTIONS);
    WhisperResult result = transcribe(recording, inputs.format(), inputs.language());
    Transcript transcript = transcriptOf(recording, result, inputs);
    Transcript kept =
        store.save(
            inputs.tenantId(),
            recording.callSid(),
            phoneOf(recording.callSid()),
            transcript,
            refresh);
    usage.addTranscribedSeconds(inputs.tenantId(), seconds(transcript, recording));
    return kept;
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

  private static Transcript transcriptOf(
      TwilioRecording recording, WhisperResult result, Inputs inputs) {
    return new Transcript(
        recording.sid(),
        result.text(),
        result.segments() == null ? java.util.List.of() : result.segments(),
        inputs.model(),
        result.language() == null ? inputs.language() : result.language(),
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
