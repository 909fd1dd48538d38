package jp.uketsuke.faq;

import jp.uketsuke.testing.Metrics;

/** What {@code /faqs/gaps} read from the log since the server started, from {@code /metrics}. */
final class GapsMetrics {
  private GapsMetrics() {}

  /** Reads of the log that a request waited for. */
  static double reads() {
    return sum("uketsuke_faq_gaps_reads_total{", "kind=\"request\"");
  }

  /** Reads of the log in the background, refreshing a window for the next first pages. */
  static double refreshes() {
    return sum("uketsuke_faq_gaps_reads_total{", "kind=\"refresh\"");
  }

  /** Log items read, by requests and in the background. */
  static double readItems() {
    return sum("uketsuke_faq_gaps_read_items_total{", "kind=");
  }

  private static double sum(String prefix, String label) {
    return Metrics.scrape()
        .lines()
        .filter(l -> l.startsWith(prefix) && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
