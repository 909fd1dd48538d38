/**
 * Shared plumbing: the JAX-RS application, problem documents, request ids, CORS, body limits,
 * DynamoDB clients and health. Nothing here knows a tenant; tenancy is the business of {@code
 * tenant}.
 */
package jp.uketsuke.platform;
