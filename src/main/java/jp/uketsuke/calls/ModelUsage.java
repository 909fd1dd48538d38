package jp.uketsuke.calls;

/** Where model tokens spent outside a chat turn are metered ({@code /usage}; chat's meter). */
public interface ModelUsage {
  /** Adds tokens to the tenant's day of {@code ts}, without counting a turn. */
  void tokens(String tenantId, String ts, int tokensIn, int tokensOut);
}
