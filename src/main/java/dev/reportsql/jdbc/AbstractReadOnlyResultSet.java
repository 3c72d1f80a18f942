package dev.reportsql.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Base of the driver's result sets: forward-only, read-only, no LOBs. Every write, scroll and LOB
 * method is answered here once (0A000 for features we do not have, 24000 for scrolling a
 * forward-only cursor), and every getter by column label is forwarded to {@link #findColumn} and
 * the getter by index, so a subclass implements only real reading by column index.
 */
public abstract class AbstractReadOnlyResultSet implements ResultSet {
    private int fetchSize;

    protected AbstractReadOnlyResultSet() {
    }

    /** Throws 08003 when this result set is closed. */
    protected final void checkOpen() throws SQLException {
        if (isClosed()) {
            throw Errors.closed("result set");
        }
    }

    private static SQLFeatureNotSupportedException readOnly() {
        return Errors.unsupported("Updating a result set");
    }

    private SQLException forwardOnly(String method) throws SQLException {
        checkOpen();
        return Errors.sql(SqlState.INVALID_CURSOR_STATE, method + "() is not allowed: this result set is forward-only; "
                + "read it with next() or run the query again");
    }

    private static SQLException noValuesOf(String kind) {
        return Errors.sql(SqlState.FEATURE_NOT_SUPPORTED,
                kind + " values are not supported: report columns hold only numbers, text, booleans and dates");
    }

    // ---- cursor: forward-only, read-only -------------------------------------------------------

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != FETCH_FORWARD) {
            throw forwardOnly("setFetchDirection");
        }
        checkOpen();
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** A hint only; subclasses that can use it override this. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Fetch size must be 0 or more, not " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw Errors.sql(SqlState.FEATURE_NOT_SUPPORTED,
                "Named cursors are not supported: positioned UPDATE/DELETE is impossible on report data");
    }

    @Override public boolean previous() throws SQLException { throw forwardOnly("previous"); }
    @Override public boolean first() throws SQLException { throw forwardOnly("first"); }
    @Override public boolean last() throws SQLException { throw forwardOnly("last"); }
    @Override public boolean absolute(int row) throws SQLException { throw forwardOnly("absolute"); }
    @Override public boolean relative(int rows) throws SQLException { throw forwardOnly("relative"); }
    @Override public void beforeFirst() throws SQLException { throw forwardOnly("beforeFirst"); }
    @Override public void afterLast() throws SQLException { throw forwardOnly("afterLast"); }

    // ---- row changes: never ----------------------------------------------------------------------

    @Override public boolean rowUpdated() throws SQLException { checkOpen(); return false; }
    @Override public boolean rowInserted() throws SQLException { checkOpen(); return false; }
    @Override public boolean rowDeleted() throws SQLException { checkOpen(); return false; }
    @Override public void insertRow() throws SQLException { throw readOnly(); }
    @Override public void updateRow() throws SQLException { throw readOnly(); }
    @Override public void deleteRow() throws SQLException { throw readOnly(); }
    @Override public void refreshRow() throws SQLException { throw readOnly(); }
    @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
    @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }


    // ---- values the reports never hold -------------------------------------------------------------

    @Override public Ref getRef(int column) throws SQLException { throw noValuesOf("REF"); }
    @Override public Blob getBlob(int column) throws SQLException { throw noValuesOf("BLOB"); }
    @Override public Clob getClob(int column) throws SQLException { throw noValuesOf("CLOB"); }
    @Override public NClob getNClob(int column) throws SQLException { throw noValuesOf("NCLOB"); }
    @Override public SQLXML getSQLXML(int column) throws SQLException { throw noValuesOf("SQLXML"); }
    @Override public RowId getRowId(int column) throws SQLException { throw noValuesOf("ROWID"); }
    @Override public URL getURL(int column) throws SQLException { throw noValuesOf("DATALINK (URL)"); }
    @Override public Array getArray(int column) throws SQLException { throw noValuesOf("ARRAY"); }

    /** Custom type maps apply to UDTs, which reports do not have; an empty map means the default mapping. */
    @Override
    public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw Errors.sql(SqlState.FEATURE_NOT_SUPPORTED,
                    "Custom type maps are not supported: reports have no user-defined types");
        }
        return getObject(column);
    }

    // ---- by column label: resolve the index, then read by index ----------------------------------

    @Override public String getString(String label) throws SQLException { return getString(findColumn(label)); }
    @Override public boolean getBoolean(String label) throws SQLException { return getBoolean(findColumn(label)); }
    @Override public byte getByte(String label) throws SQLException { return getByte(findColumn(label)); }
    @Override public short getShort(String label) throws SQLException { return getShort(findColumn(label)); }
    @Override public int getInt(String label) throws SQLException { return getInt(findColumn(label)); }
    @Override public long getLong(String label) throws SQLException { return getLong(findColumn(label)); }
    @Override public float getFloat(String label) throws SQLException { return getFloat(findColumn(label)); }
    @Override public double getDouble(String label) throws SQLException { return getDouble(findColumn(label)); }
    @Override public BigDecimal getBigDecimal(String label) throws SQLException { return getBigDecimal(findColumn(label)); }
    @Override public byte[] getBytes(String label) throws SQLException { return getBytes(findColumn(label)); }
    @Override public Date getDate(String label) throws SQLException { return getDate(findColumn(label)); }
    @Override public Time getTime(String label) throws SQLException { return getTime(findColumn(label)); }
    @Override public Timestamp getTimestamp(String label) throws SQLException { return getTimestamp(findColumn(label)); }
    @Override public Date getDate(String label, Calendar cal) throws SQLException { return getDate(findColumn(label), cal); }
    @Override public Time getTime(String label, Calendar cal) throws SQLException { return getTime(findColumn(label), cal); }
    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }
    @Override public InputStream getAsciiStream(String label) throws SQLException { return getAsciiStream(findColumn(label)); }
    @Override public InputStream getBinaryStream(String label) throws SQLException { return getBinaryStream(findColumn(label)); }
    @Override public Reader getCharacterStream(String label) throws SQLException { return getCharacterStream(findColumn(label)); }
    @Override public Reader getNCharacterStream(String label) throws SQLException { return getNCharacterStream(findColumn(label)); }
    @Override public String getNString(String label) throws SQLException { return getNString(findColumn(label)); }
    @Override public Object getObject(String label) throws SQLException { return getObject(findColumn(label)); }
    @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return getObject(findColumn(label), type); }
    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }
    @Override public Ref getRef(String label) throws SQLException { return getRef(findColumn(label)); }
    @Override public Blob getBlob(String label) throws SQLException { return getBlob(findColumn(label)); }
    @Override public Clob getClob(String label) throws SQLException { return getClob(findColumn(label)); }
    @Override public NClob getNClob(String label) throws SQLException { return getNClob(findColumn(label)); }
    @Override public SQLXML getSQLXML(String label) throws SQLException { return getSQLXML(findColumn(label)); }
    @Override public RowId getRowId(String label) throws SQLException { return getRowId(findColumn(label)); }
    @Override public URL getURL(String label) throws SQLException { return getURL(findColumn(label)); }
    @Override public Array getArray(String label) throws SQLException { return getArray(findColumn(label)); }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(String label) throws SQLException {
        return getUnicodeStream(findColumn(label));
    }

    // ---- wrapper -------------------------------------------------------------------------------------

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface != null && iface.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (isWrapperFor(iface)) {
            return iface.cast(this);
        }
        throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "This result set does not wrap " + iface);
    }

    // ---- updates: never --------------------------------------------------------------------------------

    @Override public void updateNull(int column) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(int column, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(int column, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(int column, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(int column, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(int column, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(int column, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(int column, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(int column, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(int column, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(int column, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(int column, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(int column, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(int column, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int column, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int column, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int column, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int column, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int column, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int column, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int column, Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int column, Object x, int scale) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int column, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int column, Object x, SQLType type, int scale) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int column, Object x, SQLType type) throws SQLException { throw readOnly(); }
    @Override public void updateRef(int column, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int column, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int column, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int column, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int column, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(int column, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(int column, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(int column, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int column, NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int column, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int column, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(int column, SQLXML x) throws SQLException { throw readOnly(); }
    @Override public void updateNull(String label) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(String label, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(String label, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(String label, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(String label, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(String label, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(String label, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(String label, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(String label, BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(String label, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(String label, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(String label, Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(String label, Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(String label, Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String label, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String label, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String label, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String label, InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String label, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String label, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String label, Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String label, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String label, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String label, Object x, int scale) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String label, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String label, Object x, SQLType type, int scale) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String label, Object x, SQLType type) throws SQLException { throw readOnly(); }
    @Override public void updateRef(String label, Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String label, Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String label, InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String label, InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String label, Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String label, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(String label, Array x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(String label, RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(String label, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String label, NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String label, Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String label, Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(String label, SQLXML x) throws SQLException { throw readOnly(); }
}
