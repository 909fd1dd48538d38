package jp.uketsuke.exttools;

/**
 * Why an ext-tool call did not happen or did not finish, worded for the model: the message becomes
 * the {@code error} of an {@code {ok:false}} result, so it names no classes and no internals.
 */
final class ExtToolFailure extends Exception {
  private static final long serialVersionUID = 1L;

  ExtToolFailure(String message) {
    super(message, null, false, false);
  }
}
