package dev.reportsql.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.List;

import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.ResultSetRows;
import org.apache.calcite.avatica.util.Cursor;
import org.apache.calcite.avatica.util.CursorRows;

/**
 * The current row's cells, read straight from the cursor under Calcite's result set. Avatica
 * answers each getter through a chain of per-column accessors and getters; on a streamed scan that
 * chain cost about as much per cell as parsing the cell's JSON did (docs/performance.md). For the
 * column kinds below, the getter that fits the kind gets exactly the object Avatica would return
 * (Avatica's accessor for these kinds returns the cell as it is), so the result set returns the
 * cell itself. Any other kind, getter or cell class is left to Avatica, which stays the reference.
 */
final class DirectCells {
    /** "Ask Avatica": the column is not of the asked kind, or the result set is not on a row. */
    static final Object MISS = new Object();

    static final byte OTHER = 0;
    /** VARCHAR held as String. */
    static final byte TEXT = 1;
    /** Signed BIGINT held as Long. */
    static final byte LONG = 2;
    /** DOUBLE or FLOAT held as Double. */
    static final byte DOUBLE = 3;
    /** DECIMAL held as BigDecimal. */
    static final byte DECIMAL = 4;
    /** BOOLEAN held as Boolean. */
    static final byte BOOLEAN = 5;
    /** DATE held as an Integer epoch day. */
    static final byte DATE = 6;

    /** By kind: the class of a cell that is also the getter's answer as it is ({@code getObject}). */
    private static final Class<?>[] NATURAL = {null, String.class, Long.class, Double.class, BigDecimal.class,
        Boolean.class, Integer.class};

    private final Cursor cursor;
    /** True when a row is an {@code Object[]} of cells; false when the row is its only cell. */
    private final boolean array;
    private final byte[] kinds;
    private Object row = MISS;

    private DirectCells(Cursor cursor, boolean array, byte[] kinds) {
        this.cursor = cursor;
        this.array = array;
        this.kinds = kinds;
    }

    /** Direct reading of Calcite's result set, or null when its shape is not one this class knows. */
    static DirectCells of(ResultSet calcite) {
        Cursor cursor = ResultSetRows.cursor(calcite);
        Meta.Style style = ResultSetRows.style(calcite);
        List<ColumnMetaData> columns = ResultSetRows.columns(calcite);
        if (cursor == null || !CursorRows.readable(cursor) || columns == null
                || !(style == Meta.Style.ARRAY || style == Meta.Style.OBJECT && columns.size() == 1)) {
            return null;
        }
        byte[] kinds = new byte[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kindOf(columns.get(i));
        }
        return new DirectCells(cursor, style == Meta.Style.ARRAY, kinds);
    }

    /** The kind whose Avatica accessor hands its cell out unchanged; {@link #OTHER} for the rest. */
    private static byte kindOf(ColumnMetaData column) {
        ColumnMetaData.Rep rep = column.type.rep;
        switch (column.type.id) {
            case Types.VARCHAR:
                return TEXT;
            case Types.BIGINT:
                return column.signed || rep == ColumnMetaData.Rep.NUMBER ? LONG : OTHER;
            case Types.DOUBLE:
            case Types.FLOAT:
                return DOUBLE;
            case Types.DECIMAL:
                return DECIMAL;
            case Types.BOOLEAN:
                return rep == ColumnMetaData.Rep.NUMBER ? OTHER : BOOLEAN;
            case Types.DATE:
                return rep == ColumnMetaData.Rep.PRIMITIVE_INT || rep == ColumnMetaData.Rep.INTEGER
                        || rep == ColumnMetaData.Rep.NUMBER ? DATE : OTHER;
            default:
                return OTHER;
        }
    }

    /** Called after each move of the cursor: {@code onRow} is whether it stands on a row now. */
    void moved(boolean onRow) {
        Object r = onRow ? CursorRows.current(cursor) : MISS;
        if (r == CursorRows.UNKNOWN || array && !(r instanceof Object[] && ((Object[]) r).length == kinds.length)) {
            r = MISS;
        }
        row = r;
    }

    /** Forgets the row (before a move, on close): every read asks Avatica until the next row. */
    void clear() {
        row = MISS;
    }

    /** The column's kind; {@link #OTHER} for an index out of range. */
    byte kind(int column) {
        return column < 1 || column > kinds.length ? OTHER : kinds[column - 1];
    }

    /**
     * The cell as {@code getObject} answers it, for the kinds whose Avatica accessor returns the cell
     * unchanged (all but DATE, which becomes a {@code Date}); {@link #MISS} otherwise.
     */
    Object natural(int column) {
        byte kind = kind(column);
        if (kind == OTHER || kind == DATE) {
            return MISS;
        }
        Object v = cell(column, kind);
        return v == null || v.getClass() == NATURAL[kind] ? v : MISS;
    }

    /** The cell of a column of {@code kind} on the current row, or {@link #MISS}. */
    Object cell(int column, byte kind) {
        Object r = row;
        if (r == MISS || kind(column) != kind || kind == OTHER) {
            return MISS;
        }
        return array ? ((Object[]) r)[column - 1] : r;
    }
}
