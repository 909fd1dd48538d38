package jp.uketsuke.settings;

import jakarta.json.JsonObject;

/**
 * An ext-tool that may be offered and called.
 *
 * @param function what the model is offered
 * @param definition the stored tool, its {@code url, method, headers, timeout, body} known to be of
 *     the right kinds, for the HTTP call to fill in
 */
public record ExtToolSpec(ToolSpec function, JsonObject definition) {
  public String name() {
    return function.name();
  }
}
