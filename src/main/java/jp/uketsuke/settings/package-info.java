/**
 * Assistant settings: the system prompt, the function-calling config and the ext-tools, with their
 * checks and their history. They live in {@code app-prompts} under the fixed ids {@code system},
 * {@code functions} and {@code ext-tools} (kept versions beside them as {@code <id>#v000001}, ...),
 * always with the caller's tenant as partition key.
 */
package jp.uketsuke.settings;
