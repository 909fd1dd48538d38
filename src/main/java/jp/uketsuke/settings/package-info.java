/**
 * Assistant settings: the system prompt, the function-calling config and the ext-tools, with their
 * checks and their history. They live in {@code app-prompts} under the fixed ids {@code system},
 * {@code functions} and {@code ext-tools} (kept versions beside them as {@code <id>#v000001}, ...),
 * always with the caller's tenant as partition key. Others write these items too (the old backend,
 * hand edits). This package is the one place a stored setting is parsed: everyone else gets records
 * ({@link jp.uketsuke.settings.SettingsSnapshot} with {@link jp.uketsuke.settings.FuncConfig} and
 * {@link jp.uketsuke.settings.ExtToolsConfig}), which keep the sound tools and name the rest.
 */
package jp.uketsuke.settings;
