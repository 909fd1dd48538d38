/**
 * Exactly-once writes under retries: a write that carries an {@code Idempotency-Key} runs once per
 * tenant and key within 24 hours, and a retry gets the first outcome. Keys live in DynamoDB ({@code
 * app-idempotency}, partitioned by tenant), claimed with conditional writes so that they hold
 * across pods; a tenant's keys are its own.
 */
package jp.uketsuke.platform.idempotency;
