/**
 * Assistant settings: the system prompt, the function-calling config and the ext-tools, stored in
 * {@code app-prompts} under the fixed ids {@code system}, {@code functions} and {@code ext-tools}
 * with the caller's tenant as partition key.
 */
package jp.uketsuke.settings;
