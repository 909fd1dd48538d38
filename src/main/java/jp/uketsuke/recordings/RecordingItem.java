package jp.uketsuke.recordings;

/** One recording in {@code GET /recordings}. */
public record RecordingItem(String sid, Integer duration, String dateCreated, String mediaFormat) {}
