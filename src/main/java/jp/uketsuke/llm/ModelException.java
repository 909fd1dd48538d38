package jp.uketsuke.llm;

/**
 * A failed model call, typed by what the caller should do about it: retry later (rate limited,
 * server trouble) or not at all (the request or the credentials are wrong).
 */
public class ModelException extends RuntimeException {
  private final int status;

  ModelException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** 429: the account's rate or quota limit. */
  public static final class RateLimited extends ModelException {
    RateLimited(String message) {
      super(429, message);
    }
  }

  /** 5xx: the model's servers are in trouble. */
  public static final class Unavailable extends ModelException {
    Unavailable(int status, String message) {
      super(status, message);
    }
  }

  /** Any other 4xx: the request, the model name or the key is wrong; retrying will not help. */
  public static final class Rejected extends ModelException {
    Rejected(int status, String message) {
      super(status, message);
    }
  }

  /** The turn's deadline leaves no time for (another) call; not the model's fault, not retried. */
  public static final class OutOfTime extends ModelException {
    OutOfTime(String message) {
      super(0, message);
    }
  }
}
