package jp.uketsuke.calls;

/**
 * What a listing of turns asks for: one phone or all, a time range, an order.
 *
 * @param phone normalised phone, or null for all of the tenant's turns
 */
record CallQuery(String phone, TimeRange range, boolean ascending) {

  /** Identifies the listing inside a paging token, so a token cannot continue another query. */
  String fingerprint() {
    return String.join(
        "|",
        "calls",
        String.valueOf(phone),
        String.valueOf(range.lower()),
        String.valueOf(range.upper()),
        ascending ? "asc" : "desc");
  }
}
