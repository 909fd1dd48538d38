package jp.uketsuke.settings;

import jakarta.json.JsonValue;

/**
 * What a chat turn or a voice session needs from {@code app-prompts}, read together in one store
 * call: the three settings (defaults where unset, ext-tools unmasked) and the tenant's FAQ version
 * stamp, which lives in the same table and tells whether a cached FAQ index is still current.
 */
public record SettingsSnapshot(
    JsonValue prompt, JsonValue funcConfig, JsonValue extTools, long faqVersion) {}
