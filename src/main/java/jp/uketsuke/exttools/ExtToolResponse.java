package jp.uketsuke.exttools;

/**
 * What an ext-tool answered, at most the configured number of bytes of it.
 *
 * @param contentType the response's Content-Type, or null
 * @param truncated whether the server sent more than {@code body} holds
 */
record ExtToolResponse(int status, String contentType, byte[] body, boolean truncated) {}
