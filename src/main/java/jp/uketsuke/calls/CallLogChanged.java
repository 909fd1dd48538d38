package jp.uketsuke.calls;

/**
 * Turns already in a tenant's log were edited or deleted through this service (one turn, a call, a
 * caller's erasure): fired on the pod that made the change right after it, and on every other pod
 * when it next looks ({@link CallLogChanges}). What keeps copies of the log's words drops them, so
 * a deleted or erased caller's words are not shown again. New turns are not announced (readers find
 * them by time), nor are changes other writers (the voice server) make.
 */
public record CallLogChanged(String tenantId) {}
