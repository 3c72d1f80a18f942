package dev.reportsql.types;

import java.math.BigDecimal;
import java.sql.Types;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL types a report column can have. Each constant knows its Calcite type, its JDBC type and
 * the Java class of its values in Calcite's internal representation (the values a scan hands to
 * Calcite, not the ones a {@link java.sql.ResultSet} getter returns).
 */
public enum ColumnType {
    /** Whole numbers that fit in a signed 64-bit long; internal value {@link Long}. */
    BIGINT(SqlTypeName.BIGINT, Types.BIGINT, Long.class),
    /** Exact decimal numbers with a fixed scale; internal value {@link BigDecimal} of that scale. */
    DECIMAL(SqlTypeName.DECIMAL, Types.DECIMAL, BigDecimal.class),
    /** Approximate (binary floating point) numbers; internal value {@link Double}. */
    DOUBLE(SqlTypeName.DOUBLE, Types.DOUBLE, Double.class),
    /** true or false; internal value {@link Boolean}. */
    BOOLEAN(SqlTypeName.BOOLEAN, Types.BOOLEAN, Boolean.class),
    /** A calendar date; internal value {@link Integer}, days since 1970-01-01. */
    DATE(SqlTypeName.DATE, Types.DATE, Integer.class),
    /**
     * A timestamp without time zone; internal value {@link Long}, milliseconds since
     * 1970-01-01T00:00 of the wall-clock value read as if it were UTC.
     */
    TIMESTAMP(SqlTypeName.TIMESTAMP, Types.TIMESTAMP, Long.class),
    /** Text, and anything that fits no other type; internal value {@link String}. */
    VARCHAR(SqlTypeName.VARCHAR, Types.VARCHAR, String.class);

    private final SqlTypeName sqlTypeName;
    private final int jdbcType;
    private final Class<?> internalClass;

    ColumnType(SqlTypeName sqlTypeName, int jdbcType, Class<?> internalClass) {
        this.sqlTypeName = sqlTypeName;
        this.jdbcType = jdbcType;
        this.internalClass = internalClass;
    }

    /** The Calcite type name used when declaring the column in a row type. */
    public SqlTypeName sqlTypeName() {
        return sqlTypeName;
    }

    /** The {@link java.sql.Types} constant reported in result set and database metadata. */
    public int jdbcType() {
        return jdbcType;
    }

    /** The class of this type's values in Calcite's internal representation. */
    public Class<?> internalClass() {
        return internalClass;
    }
}
