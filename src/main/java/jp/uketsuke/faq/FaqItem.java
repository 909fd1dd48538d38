package jp.uketsuke.faq;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * One FAQ entry as the contract shows it. Items the old system wrote may lack the timestamps; they
 * are then sent as {@code null} so every item has the same four fields.
 */
@JsonbNillable
public record FaqItem(String question, String answer, String createdAt, String updatedAt) {}
