package dev.reportsql.bench;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/** Reads a result set the way a careful application does: the getter that fits each column, every cell. */
final class DriverReader {
    private DriverReader() {
    }

    /** Reads every row (at most {@code maxRows}); returns {rows, checksum}. */
    static long[] readAll(ResultSet rs, long maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int[] types = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            types[i] = md.getColumnType(i);
        }
        long rows = 0;
        long checksum = 0;
        while (rows < maxRows && rs.next()) {
            for (int i = 1; i <= n; i++) {
                checksum += cell(rs, i, types[i]);
            }
            rows++;
        }
        return new long[] {rows, checksum};
    }

    private static long cell(ResultSet rs, int i, int type) throws SQLException {
        switch (type) {
            case Types.BIGINT:
            case Types.INTEGER:
            case Types.SMALLINT:
            case Types.TINYINT:
                return rs.getLong(i);
            case Types.DOUBLE:
            case Types.FLOAT:
            case Types.REAL:
                return (long) rs.getDouble(i);
            case Types.DECIMAL:
            case Types.NUMERIC:
                BigDecimal d = rs.getBigDecimal(i);
                return d == null ? 0 : d.scale();
            case Types.DATE:
                Date date = rs.getDate(i);
                return date == null ? 0 : date.getTime() >> 20;
            case Types.TIMESTAMP:
                Timestamp ts = rs.getTimestamp(i);
                return ts == null ? 0 : ts.getTime() >> 20;
            case Types.BOOLEAN:
                return rs.getBoolean(i) ? 1 : 0;
            case Types.VARCHAR:
            case Types.CHAR:
                String s = rs.getString(i);
                return s == null ? 0 : s.length();
            default:
                Object o = rs.getObject(i);
                return o == null ? 0 : 1;
        }
    }
}
