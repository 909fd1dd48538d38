package jp.uketsuke.settings;

import java.util.Arrays;
import java.util.Optional;

/** The three assistant settings: their route, their item id in {@code app-prompts}, their audit. */
public enum Setting {
  PROMPT("prompt", "system"),
  FUNC_CONFIG("func-config", "functions"),
  EXT_TOOLS("ext-tools", "ext-tools");

  private final String route;
  private final String id;

  Setting(String route, String id) {
    this.route = route;
    this.id = id;
  }

  /** The path segment: {@code /prompt}, {@code /func-config}, {@code /ext-tools}. */
  public String route() {
    return route;
  }

  /** The item id that old and new backends share. */
  public String id() {
    return id;
  }

  /** Audit actions are named by the route: {@code prompt.update}, {@code ext-tools.restore}. */
  public String auditAction(String verb) {
    return route + "." + verb;
  }

  public static Optional<Setting> byRoute(String route) {
    return Arrays.stream(values()).filter(s -> s.route.equals(route)).findFirst();
  }
}
