package dev.reportsql.types;

import java.math.BigDecimal;

/**
 * A JSON number with a fraction or exponent as read by {@link JsonRowStream#nextRaw()}: a plain
 * {@link BigDecimal} to every caller, but it remembers the exact text, because a BigDecimal cannot
 * tell {@code 1.5e-1} from {@code 0.15}. Inference needs that to send exponent notation to DOUBLE,
 * and a VARCHAR column must show the number as the API wrote it.
 */
final class JsonDecimal extends BigDecimal {
    private static final long serialVersionUID = 1L;

    private final String text;

    /** Parses the JSON text; throws {@link NumberFormatException} if it is not a number. */
    JsonDecimal(String text) {
        super(text);
        this.text = text;
    }

    /** The number exactly as it appeared in the JSON. */
    String text() {
        return text;
    }

    /** Whether the number was written with an exponent ({@code 1e3}, {@code 2.5E-7}). */
    boolean hasExponent() {
        return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    // BigDecimal's equals/hashCode (value and scale) stay as they are: the text is a detail of
    // where the number came from, not part of its value.
}
