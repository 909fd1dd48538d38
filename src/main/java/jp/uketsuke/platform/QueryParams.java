package jp.uketsuke.platform;

/**
 * Query parameters arrive as text; a bad number is the client's mistake (400 naming it), never a
 * 500 as in the old system.
 */
public final class QueryParams {
  private QueryParams() {}

  public static int intInRange(String raw, String name, int min, int max, int defaultValue) {
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        name + " must be a whole number from " + min + " to " + max + ".");
  }

  public static long longAtLeast(String raw, String name, long min) {
    try {
      long value = Long.parseLong(raw.strip());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException | NullPointerException e) {
      // answered below
    }
    throw ApiException.badRequest(name + " must be a whole number of at least " + min + ".");
  }

  /** {@code true}/{@code false} (any case), or the default when absent. */
  public static boolean bool(String raw, String name, boolean defaultValue) {
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw ApiException.badRequest(name + " must be true or false.");
    };
  }
}
