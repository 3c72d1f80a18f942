package dev.reportsql.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;
import dev.reportsql.types.JsonRowStream;
import dev.reportsql.types.RowLayout;

/**
 * The driver's own parsing stage alone ({@link JsonRowStream} into the report's column types), with
 * no SQL engine and no JDBC result set above it: splits the driver's time into "parse" and
 * "everything above the parse" for docs/performance.md.
 */
final class ParseOnly {
    private final JsonFactory json = new JsonFactory();
    private final BareClient http;
    private final RowLayout layout;

    ParseOnly(BareClient http, RowLayout layout) {
        this.http = http;
        this.layout = layout;
    }

    /** The layout the driver uses for a query's columns, read from its result set metadata. */
    static RowLayout layoutOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<ColumnDef> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                ColumnType type = switch (md.getColumnType(i)) {
                    case Types.BIGINT, Types.INTEGER -> ColumnType.BIGINT;
                    case Types.DECIMAL -> ColumnType.DECIMAL;
                    case Types.DOUBLE -> ColumnType.DOUBLE;
                    case Types.BOOLEAN -> ColumnType.BOOLEAN;
                    case Types.DATE -> ColumnType.DATE;
                    case Types.TIMESTAMP -> ColumnType.TIMESTAMP;
                    default -> ColumnType.VARCHAR;
                };
                columns.add(ColumnDef.of(md.getColumnName(i), type, type == ColumnType.DECIMAL ? md.getScale(i) : 0));
            }
            return new RowLayout("bench", columns);
        }
    }

    /** Reads the whole get-data response through JsonRowStream; returns the row count. */
    long run(String token, String body) throws Exception {
        return http.withBody(token, body, in -> {
            long rows = 0;
            try (JsonRowStream stream = new JsonRowStream(json.createParser(in), "bench")) {
                while (stream.next(layout) != null) {
                    rows++;
                }
            }
            return rows;
        });
    }
}
