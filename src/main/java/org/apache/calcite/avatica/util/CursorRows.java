package org.apache.calcite.avatica.util;

/**
 * ReportSQL's access to the row a positioned cursor stands on, which Avatica keeps protected; see
 * {@code org.apache.calcite.avatica.ResultSetRows} for why it lives in Avatica's package.
 */
public final class CursorRows {
    /** Returned by {@link #current} when the cursor cannot say (not a positioned cursor). */
    public static final Object UNKNOWN = new Object();

    private CursorRows() {
    }

    /** Whether {@link #current} can read rows of this cursor. */
    public static boolean readable(Cursor cursor) {
        return cursor instanceof PositionedCursor;
    }

    /** The current row object (an {@code Object[]}, or the cell of a one-column row), or {@link #UNKNOWN}. */
    public static Object current(Cursor cursor) {
        return cursor instanceof PositionedCursor ? ((PositionedCursor<?>) cursor).current() : UNKNOWN;
    }
}
