package jp.uketsuke.calls;

import java.util.Map;

/**
 * A stored turn with the attributes another capability kept beside it.
 *
 * @param extra strings, numbers ({@link java.math.BigDecimal}) and lists of strings, by name
 */
public record AnnotatedTurn(Turn turn, Map<String, Object> extra) {}
