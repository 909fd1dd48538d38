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

  private static double sum(String prefix, String label) {
    return Metrics.scrape()
        .lines()
        .filter(l -> l.startsWith(prefix) && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
