package jp.uketsuke.recordings;

/** One timed piece of a transcript; {@code start} and {@code end} in seconds. */
public record WhisperSegment(int id, double start, double end, String text) {}
