package jp.uketsuke.chat;

/** One day of a tenant's usage: turns answered and model tokens in and out. */
public record UsageDay(String day, long turns, long tokensIn, long tokensOut) {}
