package jp.uketsuke.settings;

/**
 * Why a stored tool is left out. The message completes "the tool ..." and holds no tenant data, so
 * it may be logged.
 */
final class ToolDamage extends Exception {
  ToolDamage(String message) {
    super(message, null, false, false);
  }
}
