package dev.reportsql.types;

import java.util.Objects;

/**
 * A nested JSON object or array found in a row, kept as its compact JSON text (no insignificant
 * whitespace, numbers exactly as written). Such values always end up in VARCHAR columns.
 *
 * @param text the compact JSON text, starting with {@code {} or {@code [}
 */
public record RawJson(String text) {
    /** Checks that the text is present. */
    public RawJson {
        Objects.requireNonNull(text, "text");
    }
}
