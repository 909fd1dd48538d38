/**
 * Shared plumbing: the JAX-RS application, problem documents, request ids, CORS, body limits and
 * validation, per-tenant rate limits, DynamoDB clients and health. Nothing here decides a tenant;
 * tenancy is the business of {@code tenant} (the rate limits only use the tenant it established as
 * a key).
 */
package jp.uketsuke.platform;
