package dev.reportsql.types;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * The last date or timestamp text a row stream converted, with its value. Report rows come
 * grouped by date far more often than not, so most DATE cells repeat the text of the cell before
 * and get the same (immutable) value without being parsed again. One per stream, not shared.
 */
final class TemporalMemo {
    private char[] text = new char[40];
    private int length = -1;
    private ColumnType type;
    private Object value;

    /** {@link ValueConverter#fromTemporal}, answered from the memo when the text and type repeat. */
    Object read(char[] chars, int off, int len, ColumnDef c, String report) throws SQLException {
        if (c.type() == type && len == length && Arrays.equals(text, 0, len, chars, off, off + len)) {
            return value;
        }
        Object v = ValueConverter.fromTemporal(chars, off, len, c, report);
        if (len > text.length) {
            text = new char[len];
        }
        System.arraycopy(chars, off, text, 0, len);
        length = len;
        type = c.type();
        value = v;
        return v;
    }
}
