package jp.uketsuke.recordings;

import java.util.List;

/**
 * The part of OpenAI's {@code verbose_json} transcription this service keeps.
 *
 * @param duration seconds of audio transcribed
 */
public record WhisperResult(
    String text, String language, Double duration, List<WhisperSegment> segments) {}
