package jp.uketsuke.platform.idempotency;

/**
 * The first answer to a keyed request, kept for its retries.
 *
 * @param body the bytes as sent (null: none)
 */
record Outcome(int status, String contentType, byte[] body) {}
