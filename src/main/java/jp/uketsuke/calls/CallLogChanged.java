package jp.uketsuke.calls;

/**
 * Turns already in a tenant's log were edited or deleted through this service (one turn, a call, a
 * caller's erasure), fired after the change: what keeps copies of the log's words drops them, so a
 * deleted or erased caller's words are not shown again by this pod. New turns are not announced
 * (readers find them by time), nor are changes other writers or other pods make.
 */
public record CallLogChanged(String tenantId) {}
