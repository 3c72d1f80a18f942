package dev.reportsql.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A query result's metadata as Calcite describes it, except the scale of TIME and TIMESTAMP
 * columns: Calcite reports their fractional-second digits as the precision and 0 as the scale,
 * while {@code getColumns} gives them as DECIMAL_DIGITS (as JDBC asks); here the scale is those
 * digits too, so both views of a column agree.
 */
final class QueryMetaData implements ResultSetMetaData {
    private final ResultSetMetaData calcite;

    private QueryMetaData(ResultSetMetaData calcite) {
        this.calcite = calcite;
    }

    static ResultSetMetaData of(ResultSetMetaData calcite) {
        return calcite == null || calcite instanceof QueryMetaData ? calcite : new QueryMetaData(calcite);
    }

    @Override
    public int getScale(int column) throws SQLException {
        int type = calcite.getColumnType(column);
        if (type == Types.TIMESTAMP || type == Types.TIME) {
            int digits = calcite.getPrecision(column);
            return digits >= 0 && digits <= 9 ? digits : calcite.getScale(column);
        }
        return calcite.getScale(column);
    }

    @Override
    public int getColumnCount() throws SQLException {
        return calcite.getColumnCount();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return calcite.isAutoIncrement(column);
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return calcite.isCaseSensitive(column);
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        return calcite.isSearchable(column);
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return calcite.isCurrency(column);
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return calcite.isNullable(column);
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return calcite.isSigned(column);
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return calcite.getColumnDisplaySize(column);
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return calcite.getColumnLabel(column);
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return calcite.getColumnName(column);
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return calcite.getSchemaName(column);
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return calcite.getPrecision(column);
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return calcite.getTableName(column);
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return calcite.getCatalogName(column);
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return calcite.getColumnType(column);
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return calcite.getColumnTypeName(column);
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return calcite.isReadOnly(column);
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return calcite.isWritable(column);
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return calcite.isDefinitelyWritable(column);
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return calcite.getColumnClassName(column);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : calcite.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || calcite.isWrapperFor(iface);
    }
}
