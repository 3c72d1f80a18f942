package dev.reportsql.jdbc;

/**
 * A column of a report table as {@link java.sql.DatabaseMetaData#getColumns} shows it.
 *
 * @param name          the column name
 * @param jdbcType      a {@link java.sql.Types} constant
 * @param typeName      the SQL type name, e.g. {@code VARCHAR}, {@code DECIMAL}
 * @param columnSize    length for text, precision for numbers and fractional-second dates; 0 or less
 *                      when unknown (then the type's usual size is reported, or nothing for text)
 * @param decimalDigits scale for DECIMAL, fractional-second digits for TIME/TIMESTAMP; ignored for
 *                      types where it does not apply
 * @param nullable      whether the column may hold {@code null}
 * @param remarks       a description for tools to show, or {@code null}
 */
public record ColumnMeta(String name, int jdbcType, String typeName, int columnSize, int decimalDigits,
        boolean nullable, String remarks) {
}
