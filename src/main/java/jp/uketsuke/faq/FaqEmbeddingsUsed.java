package jp.uketsuke.faq;

/**
 * A CDI event: the embeddings endpoint counted {@code tokens} for the tenant (FAQ entries or a
 * caller's question), for the usage meter.
 */
public record FaqEmbeddingsUsed(String tenantId, int tokens) {}
