package jp.uketsuke.platform.idempotency;

import java.util.Map;

/**
 * What claiming a key found.
 *
 * @param owner this request's token on the key (when {@link State#STARTED})
 * @param plan values an earlier attempt of the same request fixed before its writes
 * @param outcome the first answer (when {@link State#DONE})
 */
record Claim(State state, String owner, Map<String, String> plan, Outcome outcome) {
  enum State {
    /** This request runs the work. */
    STARTED,
    /** The work ran; replay its outcome. */
    DONE,
    /** Another request with this key runs it now. */
    BUSY,
    /** The key was used with another request. */
    MISMATCH
  }

  static Claim of(State state) {
    return new Claim(state, null, Map.of(), null);
  }
}
