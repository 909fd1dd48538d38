/**
 * Recordings and transcripts of the tenant's calls: Twilio's recordings of a call ({@code
 * /recordings}), their audio streamed through ({@code /recording/{sid}}) and a Whisper transcript
 * computed once and kept ({@code /transcription}, table {@code app-transcripts}, seconds counted in
 * {@code app-usage}). Tenancy rule: a recording is served only when its call SID appears in this
 * tenant's call logs; otherwise it is unknown (404) and its media is never requested.
 */
package jp.uketsuke.recordings;
