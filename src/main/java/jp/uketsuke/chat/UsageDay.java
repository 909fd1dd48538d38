package jp.uketsuke.chat;

/**
 * One day of a tenant's usage: turns answered, chat model tokens in and out, and the tokens the
 * embeddings endpoint counted (FAQ entries and callers' questions; 0 without embeddings).
 */
public record UsageDay(
    String day, long turns, long tokensIn, long tokensOut, long embeddingTokens) {}
