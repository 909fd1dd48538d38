package jp.uketsuke.settings;

import jakarta.json.JsonValue;

/**
 * One kept version of a setting.
 *
 * @param version 1, 2, ... in the order they were saved
 * @param createdAt when it was saved
 * @param createdBy the token subject that saved it ({@code unknown} for content that was found
 *     written by another backend and kept before being replaced)
 * @param createdByEmail that person's e-mail address, when the token carried one
 * @param restoredFrom the version this one restored, if it is a restore
 * @param content the content, as GET shows it (ext-tools headers masked)
 */
public record SettingsVersion(
    int version,
    String createdAt,
    String createdBy,
    String createdByEmail,
    Integer restoredFrom,
    JsonValue content) {

  SettingsVersion withContent(JsonValue shown) {
    return new SettingsVersion(version, createdAt, createdBy, createdByEmail, restoredFrom, shown);
  }
}
