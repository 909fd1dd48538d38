package jp.uketsuke.audit;

/**
 * One change, as {@code GET /audit} lists it.
 *
 * @param action what was done, {@code <capability>.<verb>} (e.g. {@code faq.update})
 * @param key what it was done to (a question, a task name, a settings id)
 * @param before a short summary of the old state, or null for a creation
 * @param after a short summary of the new state, or null for a deletion
 */
public record AuditEntry(
    String id,
    String ts,
    String actor,
    String actorEmail,
    String actorKind,
    String action,
    String key,
    String before,
    String after) {}
