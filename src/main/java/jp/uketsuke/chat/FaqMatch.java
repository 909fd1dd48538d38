package jp.uketsuke.chat;

import jp.uketsuke.faq.FaqItem;

/**
 * A FAQ entry relevant to a turn.
 *
 * @param confidence 0..1: how sure retrieval is that the entry answers the turn
 */
public record FaqMatch(FaqItem faq, double confidence) {}
