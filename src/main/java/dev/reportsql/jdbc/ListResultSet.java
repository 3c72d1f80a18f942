package dev.reportsql.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * A result set over rows held in memory: the answers of {@link java.sql.DatabaseMetaData} and other
 * small results. Values may be {@code String}, {@code Integer}, {@code Short}, {@code Long},
 * {@code Boolean}, {@code BigDecimal}, {@code Double}, JDBC or {@code java.time} dates, or
 * {@code null}; getters convert between them (see {@link ValueConversion}). {@link #getObject(int)}
 * returns the JDBC standard class of the column's type, e.g. {@code Integer} for a SMALLINT column.
 * Date getters taking a {@link Calendar} place the zone-less value in the calendar's zone.
 */
public class ListResultSet extends AbstractReadOnlyResultSet {
    private final Statement owner;
    private final List<ColumnSpec> columns;
    private final List<Object[]> rows;
    private final Map<String, Integer> byLabel = new HashMap<>();
    private int position = -1;
    private boolean wasNull;
    private boolean closed;
    private ResultSetMetaData metaData;

    /**
     * @param ownerOrNull the statement {@link #getStatement()} returns; {@code null} for metadata
     * @param columns     the columns, in order
     * @param rows        one array per row, each as long as {@code columns}; not copied, so do not
     *                    change it while the result set is open
     * @throws IllegalArgumentException when a row has the wrong width
     */
    public ListResultSet(Statement ownerOrNull, List<ColumnSpec> columns, List<Object[]> rows) {
        this.owner = ownerOrNull;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != this.columns.size()) {
                throw new IllegalArgumentException("Row " + (i + 1) + " has " + rows.get(i).length
                        + " values for " + this.columns.size() + " columns");
            }
        }
        for (int i = this.columns.size() - 1; i >= 0; i--) {
            byLabel.put(this.columns.get(i).name().toUpperCase(Locale.ROOT), i + 1);
        }
    }

    /** The column specifications, in order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    private Object value(int column) throws SQLException {
        checkOpen();
        if (column < 1 || column > columns.size()) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE,
                    "Column index " + column + " is out of range: this result set has " + columns.size() + " columns");
        }
        if (position < 0 || position >= rows.size()) {
            throw Errors.sql(SqlState.INVALID_CURSOR_STATE, position < 0
                    ? "No current row: call next() before reading values"
                    : "No current row: next() already returned false");
        }
        Object v = rows.get(position)[column - 1];
        wasNull = v == null;
        return v;
    }

    private <T> T read(int column, Class<T> type) throws SQLException {
        Object v = value(column);
        return ValueConversion.convert(v, type, this::label, column);
    }

    private String label(int column) {
        return columns.get(column - 1).name();
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (position < rows.size()) {
            position++;
        }
        return position < rows.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return owner;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new ListResultSetMetaData(columns);
        }
        return metaData;
    }

    /** Case-insensitive; the first column wins when two share a label. Unknown labels are 42703. */
    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        Integer index = label == null ? null : byLabel.get(label.toUpperCase(Locale.ROOT));
        if (index == null) {
            throw Errors.sql(SqlState.UNDEFINED_COLUMN, "No column labelled '" + label + "' in this result set");
        }
        return index;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return position < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return position >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return position == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return position == rows.size() - 1 && position >= 0;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return position >= 0 && position < rows.size() ? position + 1 : 0;
    }

    // ---- getters ---------------------------------------------------------------------------------

    @Override
    public Object getObject(int column) throws SQLException {
        Object v = value(column);
        ColumnSpec spec = columns.get(column - 1);
        return ValueConversion.convert(v, ValueConversion.javaClass(spec.jdbcType()), this::label, column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        if (type == null) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "getObject needs a target class, not null");
        }
        return read(column, type);
    }

    @Override
    public String getString(int column) throws SQLException {
        return read(column, String.class);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return getString(column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Boolean v = read(column, Boolean.class);
        return v != null && v;
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Byte v = read(column, Byte.class);
        return v == null ? 0 : v;
    }

    @Override
    public short getShort(int column) throws SQLException {
        Short v = read(column, Short.class);
        return v == null ? 0 : v;
    }

    @Override
    public int getInt(int column) throws SQLException {
        Integer v = read(column, Integer.class);
        return v == null ? 0 : v;
    }

    @Override
    public long getLong(int column) throws SQLException {
        Long v = read(column, Long.class);
        return v == null ? 0L : v;
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Float v = read(column, Float.class);
        return v == null ? 0f : v;
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Double v = read(column, Double.class);
        return v == null ? 0d : v;
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return read(column, BigDecimal.class);
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        BigDecimal v = getBigDecimal(column);
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return read(column, byte[].class);
    }

    @Override
    public Date getDate(int column) throws SQLException {
        return read(column, Date.class);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return read(column, Time.class);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return read(column, Timestamp.class);
    }

    @Override
    public Date getDate(int column, Calendar cal) throws SQLException {
        return cal == null ? getDate(column) : TemporalConversion.date(read(column, LocalDate.class), cal);
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        return cal == null ? getTime(column) : TemporalConversion.time(read(column, LocalTime.class), cal);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        return cal == null ? getTimestamp(column) : TemporalConversion.timestamp(read(column, LocalDateTime.class), cal);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        String s = getString(column);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(int column) throws SQLException {
        String s = getString(column);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        byte[] b = getBytes(column);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        String s = getString(column);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return getCharacterStream(column);
    }
}
