package dev.reportsql.jdbc;

import java.sql.Types;
import java.util.Objects;

/**
 * One column of a {@link ListResultSet}: what {@link java.sql.ResultSetMetaData} reports about it.
 *
 * @param name      column name and label
 * @param jdbcType  a {@link Types} constant
 * @param typeName  the SQL type name, e.g. {@code VARCHAR}
 * @param precision maximum length for text, digits for numbers, 0 when unknown
 * @param scale     digits after the decimal point, 0 otherwise
 * @param nullable  whether a value may be {@code null}
 */
public record ColumnSpec(String name, int jdbcType, String typeName, int precision, int scale, boolean nullable) {
    /** Length reported for metadata text columns: enough for identifiers, a hint only. */
    public static final int DEFAULT_VARCHAR_LENGTH = 128;

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeName, "typeName");
    }

    /** A nullable {@code VARCHAR} column. */
    public static ColumnSpec varchar(String name) {
        return new ColumnSpec(name, Types.VARCHAR, "VARCHAR", DEFAULT_VARCHAR_LENGTH, 0, true);
    }

    /** A nullable {@code INTEGER} column. */
    public static ColumnSpec integer(String name) {
        return new ColumnSpec(name, Types.INTEGER, "INTEGER", 10, 0, true);
    }

    /** A nullable {@code SMALLINT} column. */
    public static ColumnSpec smallint(String name) {
        return new ColumnSpec(name, Types.SMALLINT, "SMALLINT", 5, 0, true);
    }

    /** A nullable {@code BIGINT} column. */
    public static ColumnSpec bigint(String name) {
        return new ColumnSpec(name, Types.BIGINT, "BIGINT", 19, 0, true);
    }

    /** A nullable {@code BOOLEAN} column. */
    public static ColumnSpec bool(String name) {
        return new ColumnSpec(name, Types.BOOLEAN, "BOOLEAN", 1, 0, true);
    }

    /** This column, declared as never holding {@code null}. */
    public ColumnSpec notNull() {
        return new ColumnSpec(name, jdbcType, typeName, precision, scale, false);
    }
}
