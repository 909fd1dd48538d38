/**
 * Audit records: who changed which FAQ, task or setting, when, from what to what. Records live in
 * {@code app-audit} under the tenant as partition key; a tenant lists only its own.
 */
package jp.uketsuke.audit;
