package jp.uketsuke.testing;

/**
 * Twilio's answers about recordings, as its REST API writes them, for the tests where WireMock
 * plays Twilio ({@code recordings.TwilioStubs}, {@code security.TwilioFake}): one copy of the JSON
 * the service's Twilio client parses.
 */
public final class TwilioJson {
  /** The account the build configures for the service (pom: uketsuke.twilio.account-sid). */
  public static final String ACCOUNT = "ACwiremocktest";

  /** The account's recordings resource; {@code .json} lists, {@code /<sid>.json} fetches one. */
  public static final String RECORDINGS = "/2010-04-01/Accounts/" + ACCOUNT + "/Recordings";

  private TwilioJson() {}

  /** One completed recording of the call, {@code duration} seconds long. */
  public static String recording(String recordingSid, String callSid, int duration) {
    return """
        {"account_sid": "%s", "api_version": "2010-04-01", "call_sid": "%s",
         "conference_sid": null, "date_created": "Wed, 01 Oct 2025 12:34:56 +0000",
         "date_updated": "Wed, 01 Oct 2025 12:35:11 +0000",
         "start_time": "Wed, 01 Oct 2025 12:34:40 +0000", "duration": "%d", "sid": "%s",
         "price": "-0.0025", "price_unit": "USD", "status": "completed", "channels": 1,
         "source": "RecordVerb", "error_code": null, "encryption_details": null,
         "uri": "%s/%s.json", "subresource_uris": {},
         "media_url": "https://api.twilio.com%s/%s"}"""
        .formatted(
            ACCOUNT,
            callSid,
            duration,
            recordingSid,
            RECORDINGS,
            recordingSid,
            RECORDINGS,
            recordingSid);
  }

  /**
   * One page of a recordings list (pages of one, as the tests page).
   *
   * @param recordings the page's recordings, comma-separated JSON objects (empty: none)
   * @param nextPageUri the next page, or {@code null} on the last page
   */
  public static String page(String recordings, String nextPageUri) {
    String next = nextPageUri == null ? "null" : "\"" + nextPageUri + "\"";
    return """
        {"recordings": [%s], "first_page_uri": "%s.json?PageSize=1&Page=0",
         "next_page_uri": %s, "previous_page_uri": null, "page": 0, "page_size": 1,
         "start": 0, "end": 0, "uri": "%s.json?PageSize=1&Page=0"}"""
        .formatted(recordings, RECORDINGS, next, RECORDINGS);
  }
}
