package dev.reportsql.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL types the engine (Calcite, default type system) handles in expressions and casts, as
 * {@link DatabaseMetaData#getTypeInfo()} reports them, and the per-type facts that
 * {@link DatabaseMetaData#getColumns} needs (usual size, decimal digits, radix).
 *
 * <p>Limits are Calcite's (with ReportTypeSystem): DECIMAL up to 38 digits, text up to 65536 characters, TIME and
 * TIMESTAMP up to millisecond precision. For dates PRECISION is the length of the longest literal
 * text, as JDBC specifies ({@code hh:mm:ss.fff} is 12).
 */
final class SupportedTypes {
    static final int MAX_DECIMAL_PRECISION = 38;
    static final int MAX_TEXT_LENGTH = 65536;
    static final int MAX_FRACTIONAL_SECONDS = 3;

    private SupportedTypes() {
    }

    /** The getTypeInfo rows, ordered by DATA_TYPE. */
    static List<Object[]> typeInfoRows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(type("TINYINT", Types.TINYINT, 3, null, null, null, 0, 0));
        rows.add(type("BIGINT", Types.BIGINT, 19, null, null, null, 0, 0));
        rows.add(type("CHAR", Types.CHAR, MAX_TEXT_LENGTH, "'", "'", "length", 0, 0));
        rows.add(type("DECIMAL", Types.DECIMAL, MAX_DECIMAL_PRECISION, null, null, "precision,scale", 0,
                MAX_DECIMAL_PRECISION));
        rows.add(type("INTEGER", Types.INTEGER, 10, null, null, null, 0, 0));
        rows.add(type("SMALLINT", Types.SMALLINT, 5, null, null, null, 0, 0));
        rows.add(type("REAL", Types.REAL, 7, null, null, null, 0, 0));
        rows.add(type("DOUBLE", Types.DOUBLE, 15, null, null, null, 0, 0));
        rows.add(type("VARCHAR", Types.VARCHAR, MAX_TEXT_LENGTH, "'", "'", "length", 0, 0));
        rows.add(type("BOOLEAN", Types.BOOLEAN, 1, null, null, null, 0, 0));
        rows.add(type("DATE", Types.DATE, 10, "DATE '", "'", null, 0, 0));
        rows.add(type("TIME", Types.TIME, 9 + MAX_FRACTIONAL_SECONDS, "TIME '", "'", "precision", 0,
                MAX_FRACTIONAL_SECONDS));
        rows.add(type("TIMESTAMP", Types.TIMESTAMP, 20 + MAX_FRACTIONAL_SECONDS, "TIMESTAMP '", "'", "precision", 0,
                MAX_FRACTIONAL_SECONDS));
        return rows;
    }

    private static Object[] type(String name, int jdbcType, int precision, String prefix, String suffix,
            String createParams, int minScale, int maxScale) {
        boolean text = isText(jdbcType);
        // LIKE needs text; every type supports comparison predicates.
        short searchable = (short) (text ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic);
        return new Object[] {name, jdbcType, precision, prefix, suffix, createParams,
            (short) DatabaseMetaData.typeNullable, text, searchable, Boolean.FALSE, Boolean.FALSE, Boolean.FALSE, name,
            (short) minScale, (short) maxScale, null, null, numPrecRadix(jdbcType)};
    }

    static boolean isText(int jdbcType) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> true;
            default -> false;
        };
    }

    static boolean isNumeric(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                    Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
            default -> false;
        };
    }

    /** 10 for numbers (Calcite states every numeric precision in decimal digits), else null. */
    static Integer numPrecRadix(int jdbcType) {
        return isNumeric(jdbcType) ? 10 : null;
    }

    /**
     * COLUMN_SIZE: the given size when positive; else the type's usual size (digits for numbers,
     * literal length for dates and times, with {@code decimalDigits} fractional seconds); else
     * {@code null} (text of unknown length).
     */
    static Integer columnSize(int jdbcType, int given, int decimalDigits) {
        if (given > 0) {
            return given;
        }
        int fraction = decimalDigits > 0 ? decimalDigits + 1 : 0;
        return switch (jdbcType) {
            case Types.TINYINT -> 3;
            case Types.SMALLINT -> 5;
            case Types.INTEGER -> 10;
            case Types.BIGINT -> 19;
            case Types.REAL -> 7;
            case Types.FLOAT, Types.DOUBLE -> 15;
            case Types.DECIMAL, Types.NUMERIC -> MAX_DECIMAL_PRECISION;
            case Types.BOOLEAN, Types.BIT -> 1;
            case Types.DATE -> 10;
            case Types.TIME -> 8 + fraction;
            case Types.TIMESTAMP -> 19 + fraction;
            default -> null;
        };
    }

    /** DECIMAL_DIGITS: scale for exact numbers, fractional-second digits for times, null otherwise. */
    static Integer decimalDigits(int jdbcType, int given) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> 0;
            case Types.DECIMAL, Types.NUMERIC, Types.TIME, Types.TIMESTAMP -> Math.max(given, 0);
            default -> null;
        };
    }
}
