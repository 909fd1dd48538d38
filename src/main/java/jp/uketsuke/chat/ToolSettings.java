package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import jp.uketsuke.settings.ExtToolsConfig;
import jp.uketsuke.settings.FuncConfig;
import jp.uketsuke.settings.SettingsSnapshot;
import jp.uketsuke.settings.ToolSpec;

/**
 * A tenant's func-config and ext-tools read into records once per content, not on every turn: the
 * JSON Schema checks run once, and what was left out is logged once per version of the items (per
 * pod), with tool positions and names only.
 */
@ApplicationScoped
public class ToolSettings {
  private static final Logger LOG = Logger.getLogger(ToolSettings.class.getName());

  /** Tenants' settings kept read; the least recently used leave first and are read again. */
  private static final int KEPT = 500;

  /** The func-config and the tools both settings offer. */
  record Read(FuncConfig funcConfig, ToolSet tools) {}

  private final Map<String, Read> kept =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
              return size() > KEPT;
            }
          });

  Read read(String tenantId, SettingsSnapshot snapshot) {
    String key = tenantId + "\n" + digest(snapshot.funcConfig() + "\n" + snapshot.extTools());
    Read read = kept.get(key);
    if (read == null) {
      read = readAndLog(tenantId, snapshot);
      kept.put(key, read);
    }
    return read;
  }

  private static Read readAndLog(String tenantId, SettingsSnapshot snapshot) {
    FuncConfig funcConfig = FuncConfig.from(snapshot.funcConfig());
    Set<String> taken = new HashSet<>(TaskTools.NAMES);
    funcConfig.tools().stream().map(ToolSpec::name).forEach(taken::add);
    ExtToolsConfig extTools = ExtToolsConfig.from(snapshot.extTools(), taken);
    log(tenantId, "functions", funcConfig.problems());
    log(tenantId, "ext-tools", extTools.problems());
    return new Read(funcConfig, ToolSet.of(funcConfig, extTools));
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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
