package dev.reportsql.types;

import java.util.Objects;

/**
 * One column of a report: its SQL name, the JSON key its values come from, its type and, for
 * {@link ColumnType#DECIMAL}, its scale.
 *
 * <p>The name and the JSON key are the same except when two keys differ only by case: SQL names
 * here are case-insensitive, so the later key gets a suffix ({@code qty}, {@code Qty_2}) while
 * {@code jsonKey} keeps the exact key for reading rows.
 *
 * @param name SQL column name, unique within its report ignoring case
 * @param jsonKey the exact key of the column in the row objects
 * @param type the column's type
 * @param scale number of fractional digits for DECIMAL (0 to {@link #MAX_DECIMAL_DIGITS}); 0 for
 *     every other type
 */
public record ColumnDef(String name, String jsonKey, ColumnType type, int scale) {
    /** Most significant digits a DECIMAL value may have (integer and fractional digits together). */
    public static final int MAX_DECIMAL_DIGITS = 38;

    /** Checks the fields; the scale must be 0 unless the type is DECIMAL. */
    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jsonKey, "jsonKey");
        Objects.requireNonNull(type, "type");
        if (type == ColumnType.DECIMAL ? scale < 0 || scale > MAX_DECIMAL_DIGITS : scale != 0) {
            throw new IllegalArgumentException("Column '" + name + "' (" + type + ") cannot have scale " + scale);
        }
    }

    /** A column whose SQL name is its JSON key. */
    public static ColumnDef of(String jsonKey, ColumnType type, int scale) {
        return new ColumnDef(jsonKey, jsonKey, type, scale);
    }

    /** The type as shown in messages: {@code BIGINT}, or {@code DECIMAL scale 2}. */
    public String typeLabel() {
        return type == ColumnType.DECIMAL ? "DECIMAL scale " + scale : type.name();
    }
}
