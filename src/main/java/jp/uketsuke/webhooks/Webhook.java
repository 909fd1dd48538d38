package jp.uketsuke.webhooks;

import java.util.List;

/** A webhook as its owner sees it after creation: never its secret. */
public record Webhook(
    String id, String url, List<String> events, String description, String createdAt) {}
