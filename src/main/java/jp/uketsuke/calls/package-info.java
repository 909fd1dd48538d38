/**
 * Call logs: every turn of every call, by phone, time and call SID ({@code /calls}, {@code /call},
 * {@code /calls/export}), the phone directory ({@code /phones}) and the caller timeline and erasure
 * ({@code /callers/{phone}}). Turns live in {@code app-logs}, the directory in {@code app-phones},
 * both with the caller's tenant as partition key; the directory is derived from the log, so turns
 * other writers put there count too; {@code CallSidIndex} spans tenants, so its reads filter on the
 * tenant and treat a foreign call SID as unknown. Tasks and transcripts of a caller are only read
 * and erased here; their capabilities own them.
 */
package jp.uketsuke.calls;
