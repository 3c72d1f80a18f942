package dev.reportsql.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/** The {@link ResultSetMetaData} of a {@link ListResultSet}, read from its {@link ColumnSpec}s. */
public final class ListResultSetMetaData implements ResultSetMetaData {
    private final List<ColumnSpec> columns;

    public ListResultSetMetaData(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
    }

    private ColumnSpec column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE,
                    "Column index " + column + " is out of range: this result set has " + columns.size() + " columns");
        }
        return columns.get(column - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return SupportedTypes.isText(column(column).jdbcType());
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return SupportedTypes.isNumeric(column(column).jdbcType());
    }

    /** Text: its length; numbers: digits plus sign and decimal point; otherwise the longest rendering. */
    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        ColumnSpec c = column(column);
        if (SupportedTypes.isNumeric(c.jdbcType())) {
            return c.precision() + (c.scale() > 0 ? 2 : 1);
        }
        return switch (c.jdbcType()) {
            case Types.BOOLEAN, Types.BIT -> 5;
            case Types.DATE -> 10;
            case Types.TIME -> 12;
            case Types.TIMESTAMP -> 23;
            default -> c.precision();
        };
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).scale();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return ValueConversion.javaClass(column(column).jdbcType()).getName();
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) {
            return iface.cast(this);
        }
        throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "This result set metadata does not wrap " + iface);
    }
}
