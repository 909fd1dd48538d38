package jp.uketsuke.recordings;

import java.util.List;

/**
 * A stored transcript of one recording.
 *
 * @param duration seconds of audio transcribed
 * @param createdAt when it was computed, ISO-8601 UTC
 */
public record Transcript(
    String recordingSid,
    String text,
    List<WhisperSegment> segments,
    String model,
    String language,
    Double duration,
    String createdAt) {}
