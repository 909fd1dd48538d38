package jp.uketsuke.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import jp.uketsuke.testing.Api;

/** What {@code /faqs/gaps} read from the log since the server started, from {@code /metrics}. */
final class GapsMetrics {
  private GapsMetrics() {}

  /** Reads of the log, of every kind. */
  static double reads() {
    return sum("uketsuke_faq_gaps_reads_total{", "");
  }

  /** Reads of the log of one kind ({@code window}: a whole window; {@code since}: the newest). */
  static double reads(String kind) {
    return sum("uketsuke_faq_gaps_reads_total{", "kind=\"" + kind + "\"");
  }

  /** Items those reads read, of one kind. */
  static double items(String kind) {
    return sum("uketsuke_faq_gaps_read_items_total{", "kind=\"" + kind + "\"");
  }

  private static double sum(String prefix, String label) {
    return metrics()
        .lines()
        .filter(l -> l.startsWith(prefix) && l.contains(label))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String metrics() {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(Api.baseUrl() + "/metrics")).build(),
              BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
