package jp.uketsuke.settings;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.exttools.ExtToolRule;
import jp.uketsuke.faq.FaqVersion;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.tenant.TenantContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The current tenant's prompt, func-config and ext-tools: read (with defaults), checked, saved as a
 * new version, audited, and restored. The chat engine reads the unmasked configs from here.
 */
@ApplicationScoped
public class AssistantSettings {
  @Inject SettingsStore store;
  @Inject TenantContext tenant;
  @Inject AuditLog audit;
  @Inject ToolSettings toolSettings;

  @Inject ExtToolRule extToolRule;

  /** Versions newest first, content as GET shows it. */
  public record Versions(List<SettingsVersion> items, String nextToken) {}

  /** The stored content, or the setting's default; ext-tools unmasked (for the chat engine). */
  public JsonValue current(Setting setting) {
    return SettingsContent.read(setting, stored(setting).orElse(null));
  }

  /**
   * The three settings, read into records, and the FAQ version stamp in one store call, for a turn
   * or a session start.
   *
   * @param builtInTools names of the tools that run built-in code: an ext-tool may not take them
   */
  public SettingsSnapshot snapshot(Set<String> builtInTools) {
    Map<String, Map<String, AttributeValue>> items =
        store.currentItems(
            tenant.tenantId(),
            List.of(
                Setting.PROMPT.id(),
                Setting.FUNC_CONFIG.id(),
                Setting.EXT_TOOLS.id(),
                FaqVersion.ID));
    ToolSettings.Read tools =
        toolSettings.read(
            tenant.tenantId(),
            content(Setting.FUNC_CONFIG, items),
            content(Setting.EXT_TOOLS, items),
            builtInTools);
    return new SettingsSnapshot(
        content(Setting.PROMPT, items) instanceof JsonString prompt ? prompt.getString() : "",
        tools.funcConfig(),
        tools.extTools(),
        FaqVersion.of(items.get(FaqVersion.ID)));
  }

  private static JsonValue content(
      Setting setting, Map<String, Map<String, AttributeValue>> items) {
    Map<String, AttributeValue> item = items.get(setting.id());
    return SettingsContent.read(setting, item == null ? null : item.get("content"));
  }

  /** What the console sees: ext-tools header values masked. */
  public JsonValue shown(Setting setting) {
    return SettingsContent.shown(setting, current(setting));
  }

  public void savePrompt(String markdown) {
    save(Setting.PROMPT, JSON.createValue(markdown));
  }

  public void saveFuncConfig(JsonValue config) {
    save(Setting.FUNC_CONFIG, FuncConfigRules.check(config));
  }

  /** Masked header values sent back keep their stored values; the result is then checked. */
  public void saveExtTools(JsonValue config) {
    JsonValue unmasked =
        ExtToolSecrets.unmask(ConfigChecks.object(config, "config"), current(Setting.EXT_TOOLS));
    save(Setting.EXT_TOOLS, ExtToolsRules.check(unmasked, extToolRule.urls()));
  }

  public Versions versions(Setting setting, int limit, String nextToken) {
    SettingsHistory.Page page = store.versions(tenant.tenantId(), setting, limit, nextToken);
    List<SettingsVersion> items =
        page.items().stream()
            .map(
                e ->
                    new SettingsVersion(
                        e.version(),
                        e.createdAt(),
                        e.createdBy(),
                        e.createdByEmail(),
                        e.restoredFrom(),
                        SettingsContent.shown(setting, SettingsContent.read(setting, e.content()))))
            .toList();
    return new Versions(items, page.nextToken());
  }

  /** Makes version {@code n} current again, as a new version. */
  public int restore(Setting setting, int n) {
    AttributeValue content =
        store
            .versionContent(tenant.tenantId(), setting, n)
            .orElseThrow(() -> ApiException.notFound("No version " + n + " of " + setting.route()));
    String before = summary(setting, stored(setting));
    int version = store.save(tenant.tenantId(), setting, content, tenant.caller(), n);
    audit.record(
        setting.auditAction("restore"),
        setting.id(),
        before,
        SettingsContent.summary(setting, SettingsContent.read(setting, content)));
    return version;
  }

  private void save(Setting setting, JsonValue content) {
    String before = summary(setting, stored(setting));
    store.save(
        tenant.tenantId(), setting, SettingsContent.write(setting, content), tenant.caller(), null);
    audit.record(
        setting.auditAction("update"),
        setting.id(),
        before,
        SettingsContent.summary(setting, content));
  }

  private Optional<AttributeValue> stored(Setting setting) {
    return store.current(tenant.tenantId(), setting);
  }

  private static String summary(Setting setting, Optional<AttributeValue> stored) {
    return stored
        .map(s -> SettingsContent.summary(setting, SettingsContent.read(setting, s)))
        .orElse(null);
  }
}
