package jp.uketsuke.platform;

/**
 * A token bucket: it holds at most {@code capacity} tokens, gains {@code capacity} tokens per
 * {@code period} continuously, and every request takes one. A full bucket lets a burst of {@code
 * capacity} requests through at once; after that requests pass at the refill rate.
 */
final class TokenBucket {
  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long updatedNanos;

  TokenBucket(RateLimit limit, long nowNanos) {
    this.capacity = limit.capacity();
    this.tokensPerNano = limit.capacity() / (double) limit.period().toNanos();
    this.tokens = capacity;
    this.updatedNanos = nowNanos;
  }

  /**
   * Takes a token if there is one.
   *
   * @return 0 when the request may pass, else how many nanoseconds until a token is there
   */
  synchronized long take(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - updatedNanos);
    tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
    updatedNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
  }
}
