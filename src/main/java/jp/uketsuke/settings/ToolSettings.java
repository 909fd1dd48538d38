package jp.uketsuke.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import jp.uketsuke.platform.Sha256;

/**
 * A tenant's func-config and ext-tools read into records once per content, not on every turn: the
 * JSON Schema checks run once, and what was left out is logged once per version of the items (per
 * pod), with tool positions and names only.
 */
@ApplicationScoped
class ToolSettings {
  private static final Logger LOG = Logger.getLogger(ToolSettings.class.getName());

  /** Tenants' settings kept read; those least used leave first and are read again. */
  private static final int KEPT = 500;

  /** Both tool settings, read. */
  record Read(FuncConfig funcConfig, ExtToolsConfig extTools) {}

  private final Cache<String, Read> kept =
      Caffeine.newBuilder().maximumSize(KEPT).executor(Runnable::run).build();

  /**
   * @param builtIns names an ext-tool may not take, as they run built-in code
   */
  Read read(String tenantId, JsonValue funcConfig, JsonValue extTools, Set<String> builtIns) {
    String key =
        tenantId
            + "\n"
            + digest(
                funcConfig + "\n" + extTools + "\n" + String.join(",", new TreeSet<>(builtIns)));
    return kept.get(key, k -> readAndLog(tenantId, funcConfig, extTools, builtIns));
  }

  private static Read readAndLog(
      String tenantId,
      JsonValue funcConfigContent,
      JsonValue extToolsContent,
      Set<String> builtIns) {
    FuncConfig funcConfig = FuncConfig.from(funcConfigContent);
    Set<String> taken = new HashSet<>(builtIns);
    funcConfig.tools().stream().map(ToolSpec::name).forEach(taken::add);
    ExtToolsConfig extTools = ExtToolsConfig.from(extToolsContent, taken);
    log(tenantId, "functions", funcConfig.problems());
    log(tenantId, "ext-tools", extTools.problems());
    return new Read(funcConfig, extTools);
  }

  private static void log(String tenantId, String item, List<String> problems) {
    if (!problems.isEmpty()) {
      LOG.warning(
          "tenant "
              + tenantId
              + ": settings item "
              + item
              + " is damaged (written past the API?): "
              + String.join("; ", problems));
    }
  }

  private static String digest(String content) {
    return Sha256.hex(content);
  }
}
