package jp.uketsuke.settings;

import jp.uketsuke.exttools.ExtTool;

/**
 * An ext-tool that may be offered and called.
 *
 * @param function what the model is offered
 * @param call the stored tool's HTTP side, its fields known to be of the right kinds, for the call
 *     to fill in
 */
public record ExtToolSpec(ToolSpec function, ExtTool call) {
  public String name() {
    return function.name();
  }
}
