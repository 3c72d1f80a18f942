package dev.reportsql.jdbc;

import java.sql.Types;

import dev.reportsql.types.ColumnDef;

/** JDBC type facts of inferred columns, kept consistent with what Calcite's result sets report. */
final class JdbcTypes {
    /** The DECIMAL precision inferred columns are declared with (see ReportTypeSystem). */
    static final int DECIMAL_PRECISION = 38;

    private JdbcTypes() {
    }

    static ColumnMeta columnMeta(ColumnDef c, String remarks) {
        return switch (c.type()) {
            case BIGINT -> new ColumnMeta(c.name(), Types.BIGINT, "BIGINT", 19, 0, true, remarks);
            case DECIMAL -> new ColumnMeta(c.name(), Types.DECIMAL, "DECIMAL", DECIMAL_PRECISION, c.scale(), true, remarks);
            case DOUBLE -> new ColumnMeta(c.name(), Types.DOUBLE, "DOUBLE", 15, 0, true, remarks);
            case BOOLEAN -> new ColumnMeta(c.name(), Types.BOOLEAN, "BOOLEAN", 1, 0, true, remarks);
            case DATE -> new ColumnMeta(c.name(), Types.DATE, "DATE", 10, 0, true, remarks);
            case TIMESTAMP -> new ColumnMeta(c.name(), Types.TIMESTAMP, "TIMESTAMP", 23, 3, true, remarks);
            case VARCHAR -> new ColumnMeta(c.name(), Types.VARCHAR, "VARCHAR", 65536, 0, true, remarks);
        };
    }
}
