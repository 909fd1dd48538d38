package jp.uketsuke.settings;

/**
 * What a chat turn or a voice session needs from {@code app-prompts}, read together in one store
 * call and read into records here (defaults where unset, ext-tools unmasked, damaged tools left
 * out): the three settings and the tenant's FAQ version stamp, which lives in the same table and
 * tells whether a cached FAQ index is still current.
 *
 * @param prompt the system prompt, {@code ""} when unset
 */
public record SettingsSnapshot(
    String prompt, FuncConfig funcConfig, ExtToolsConfig extTools, long faqVersion) {}
