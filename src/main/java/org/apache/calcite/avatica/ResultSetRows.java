package org.apache.calcite.avatica;

import java.sql.ResultSet;
import java.util.List;

import org.apache.calcite.avatica.util.Cursor;

/**
 * ReportSQL's window into an {@link AvaticaResultSet}: its cursor, the shape of its rows and its
 * column metadata, which Avatica keeps protected. It lives in Avatica's package only for that
 * access (it is ours, and is relocated with Avatica in the shaded jar). The driver's result set
 * uses it to read a row's cells directly instead of through Avatica's per-column accessors, which
 * cost more than the JSON parse of the cell on a streamed scan (docs/performance.md).
 */
public final class ResultSetRows {
    private ResultSetRows() {
    }

    /** The open result set's cursor, or null if {@code rs} is not Avatica's or not executed. */
    public static Cursor cursor(ResultSet rs) {
        return rs instanceof AvaticaResultSet ? ((AvaticaResultSet) rs).cursor : null;
    }

    /** How the cursor holds a row (an array of cells, or the single cell itself), or null if unknown. */
    public static Meta.Style style(ResultSet rs) {
        if (!(rs instanceof AvaticaResultSet)) {
            return null;
        }
        Meta.Signature signature = ((AvaticaResultSet) rs).signature;
        return signature == null || signature.cursorFactory == null ? null : signature.cursorFactory.style;
    }

    /** The columns Avatica built its accessors from, or null if {@code rs} is not Avatica's. */
    public static List<ColumnMetaData> columns(ResultSet rs) {
        return rs instanceof AvaticaResultSet ? ((AvaticaResultSet) rs).columnMetaDataList : null;
    }
}
