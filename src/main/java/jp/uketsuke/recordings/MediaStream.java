package jp.uketsuke.recordings;

import java.io.InputStream;

/**
 * Media as Twilio (or its storage) started to send it; the body is still unread and must be closed.
 *
 * @param partial true when the upstream answered the Range itself (206)
 * @param length bytes in the body, or -1 when not announced
 * @param contentRange the upstream's {@code Content-Range} of a 206, else null
 */
record MediaStream(InputStream body, boolean partial, long length, String contentRange) {}
