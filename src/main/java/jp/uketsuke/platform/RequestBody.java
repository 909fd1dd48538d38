package jp.uketsuke.platform;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the body limit found out about this request's body. Entity providers (JSON-P, JSON-B) catch
 * what a stream throws and rethrow their own 500, so the 413 is remembered here and the problem
 * mapper answers it whatever exception arrives.
 */
@RequestScoped
public class RequestBody {
  private long exceededLimit = -1;

  void exceeded(long limit) {
    exceededLimit = limit;
  }

  /** The limit the body went over, or -1. */
  public long exceededLimit() {
    return exceededLimit;
  }
}
