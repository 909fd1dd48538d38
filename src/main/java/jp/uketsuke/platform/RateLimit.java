package jp.uketsuke.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit as configured: {@code 600/1m} lets a burst of 600 requests through and refills 600 per
 * minute; {@code 3/15s} one every five seconds. {@code off} means no limit.
 *
 * @param capacity the burst, and the number of requests per period
 */
record RateLimit(int capacity, Duration period) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{0,6})\\s*([smh])");

  static final RateLimit OFF = new RateLimit(Integer.MAX_VALUE, Duration.ofNanos(1));

  RateLimit {
    if (capacity < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("a rate limit needs at least 1 request per period");
    }
  }

  boolean off() {
    return this == OFF;
  }

  /**
   * @param key the configuration key, named in the error
   * @throws IllegalStateException when the value is not of the form {@code N/[n]s|m|h} or off
   */
  static RateLimit parse(String value, String key) {
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    if (text.equals("off")) {
      return OFF;
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalStateException(
          key + ": expected a limit like 600/1m, 3/15s or off, got \"" + value + "\"");
    }
    long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
    Duration unit =
        switch (m.group(3)) {
          case "s" -> Duration.ofSeconds(1);
          case "m" -> Duration.ofMinutes(1);
          default -> Duration.ofHours(1);
        };
    try {
      return new RateLimit(Integer.parseInt(m.group(1)), unit.multipliedBy(amount));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(key + ": " + e.getMessage() + ", got \"" + value + "\"");
    }
  }
}
