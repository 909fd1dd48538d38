/**
 * Webhooks: {@code /webhooks}, signed event deliveries to the tenant's own URLs, through SQS. A
 * tenant's webhooks and deliveries live in {@code app-webhooks} under the tenant as partition key;
 * events not yet handed to the queue wait in the same table's outbox partition. Every route reads
 * and writes only the caller's tenant; a delivery is sent with the secrets of its own webhook.
 */
package jp.uketsuke.webhooks;
