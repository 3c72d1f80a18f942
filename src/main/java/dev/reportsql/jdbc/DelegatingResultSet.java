package dev.reportsql.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.sql.CalciteErrors;

/**
 * A result set that reads from another one (Calcite's) and answers as ours: {@link #getStatement()}
 * is the driver's statement, and anything the delegate throws, an {@link SQLException} or a
 * {@link RuntimeException} from inside a scan, leaves as an SQLException with a SQLState
 * ({@link CalciteErrors#translate}). Getters by label are inherited: they resolve the index through
 * {@link #findColumn} and read by index, which is what the delegate does internally anyway.
 *
 * <p>Subclasses may override {@link #beforeNext()}, {@link #afterNext(boolean)} and
 * {@link #onClose()}, e.g. to enforce max-rows or release the statement's resources.
 */
public class DelegatingResultSet extends AbstractReadOnlyResultSet {
    private final Statement owner;
    private final ResultSet delegate;
    private boolean closed;

    /**
     * @param owner    the statement {@link #getStatement()} returns; may be {@code null} for a result
     *                 set that no statement produced
     * @param delegate the result set to read from; closed when this one is
     */
    public DelegatingResultSet(Statement owner, ResultSet delegate) {
        this.owner = owner;
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The delegate, after checking that this result set is open. */
    private ResultSet open() throws SQLException {
        if (closed) {
            throw Errors.closed("result set");
        }
        return delegate;
    }

    /** The delegate for a column getter, after telling the subclass that the delegate answers it. */
    private ResultSet read() throws SQLException {
        ResultSet rs = open();
        beforeDelegatedRead();
        return rs;
    }

    /**
     * Called before a column getter asks the delegate (so a subclass answering some getters itself
     * knows whose {@code wasNull} counts). The default does nothing.
     */
    protected void beforeDelegatedRead() {
    }

    /**
     * The one place where the delegate's failures become the driver's. A failure because the
     * delegate was closed under us (its statement closed) is reported as 08003, not HY000.
     */
    private SQLException translate(Throwable e) {
        SQLException aborted = abortReason();
        if (aborted != null) {
            return aborted;
        }
        SQLException translated = CalciteErrors.translate(e);
        if (SqlState.GENERAL_ERROR.code().equals(translated.getSQLState()) && delegateClosed()) {
            SQLException closedUnderUs = Errors.closed("result set");
            closedUnderUs.initCause(e);
            return closedUnderUs;
        }
        return translated;
    }

    private boolean delegateClosed() {
        try {
            return delegate.isClosed();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Called before each {@link #next()}; return {@code false} to end the result set without asking
     * the delegate (e.g. when max-rows is reached). The default returns {@code true}.
     */
    protected boolean beforeNext() throws SQLException {
        return true;
    }

    /** Called after each {@link #next()} that asked the delegate, with its answer. */
    protected void afterNext(boolean hasRow) throws SQLException {
    }

    /**
     * Why the query behind this result set was stopped (timeout, cancel, close), or null. When set,
     * it is what a failing call reports, rather than whatever the stop made the delegate throw.
     */
    protected SQLException abortReason() {
        return null;
    }

    /** Called when {@link #next()} fails, with what it throws. */
    protected void nextFailed(SQLException failure) {
    }

    /** Called once, when this result set is first closed, after the delegate is closed. */
    protected void onClose() throws SQLException {
    }

    @Override
    public boolean next() throws SQLException {
        ResultSet rs = open();
        if (!beforeNext()) {
            return false;
        }
        boolean hasRow;
        try {
            hasRow = rs.next();
        } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
            SQLException failure = translate(e); // errors too: generated code may fail with ExceptionInInitializerError
            nextFailed(failure);
            throw failure;
        }
        afterNext(hasRow);
        return hasRow;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        SQLException failure = null;
        try {
            delegate.close();
        } catch (Exception e) {
            failure = CalciteErrors.translate(e);
        }
        try {
            onClose();
        } catch (SQLException | RuntimeException e) {
            SQLException hook = e instanceof SQLException s ? s : CalciteErrors.translate(e);
            if (failure == null) {
                failure = hook;
            } else {
                failure.addSuppressed(hook);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** True once closed here, or when the delegate was closed (e.g. by its statement). */
    @Override
    public boolean isClosed() {
        return closed || delegateClosed();
    }

    @Override
    public Statement getStatement() throws SQLException {
        open();
        return owner;
    }

    private Map<String, Integer> exactLabels;

    /**
     * Resolves a label: the column labelled exactly so, else the delegate's first match ignoring
     * case (JDBC's rule). Exact first matters when labels differ only by case ({@code amount} and
     * {@code Amount}); an unknown label is 42703.
     */
    @Override
    public int findColumn(String label) throws SQLException {
        ResultSet rs = open();
        try {
            if (exactLabels == null) {
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Integer> labels = new HashMap<>();
                for (int i = md == null ? 0 : md.getColumnCount(); i >= 1; i--) {
                    labels.put(md.getColumnLabel(i), i); // backwards: the first of equal labels wins
                }
                exactLabels = labels;
            }
            Integer exact = exactLabels.get(label);
            return exact != null ? exact : rs.findColumn(label);
        } catch (SQLException e) {
            if (e.getSQLState() == null) {
                throw Errors.sql(SqlState.UNDEFINED_COLUMN, "No column labelled '" + label + "' in this result set", e);
            }
            throw translate(e);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public boolean wasNull() throws SQLException {
        try { return open().wasNull(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        try { return QueryMetaData.of(open().getMetaData()); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        try { return open().getWarnings(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public void clearWarnings() throws SQLException {
        try { open().clearWarnings(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        try { open().setFetchSize(rows); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public int getFetchSize() throws SQLException {
        try { return open().getFetchSize(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        try { return open().isBeforeFirst(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        try { return open().isAfterLast(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public boolean isFirst() throws SQLException {
        try { return open().isFirst(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public boolean isLast() throws SQLException {
        try { return open().isLast(); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public int getRow() throws SQLException {
        try { return open().getRow(); } catch (Exception e) { throw translate(e); }
    }

    // ---- getters by index: direct calls, no allocation --------------------------------------------

    @Override
    public String getString(int column) throws SQLException {
        try { return read().getString(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        try { return read().getBoolean(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public byte getByte(int column) throws SQLException {
        try { return read().getByte(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public short getShort(int column) throws SQLException {
        try { return read().getShort(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public int getInt(int column) throws SQLException {
        try { return read().getInt(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public long getLong(int column) throws SQLException {
        try { return read().getLong(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public float getFloat(int column) throws SQLException {
        try { return read().getFloat(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public double getDouble(int column) throws SQLException {
        try { return read().getDouble(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        try { return read().getBigDecimal(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        try { return read().getBytes(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Date getDate(int column) throws SQLException {
        try { return read().getDate(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Time getTime(int column) throws SQLException {
        try { return read().getTime(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        try { return read().getTimestamp(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Date getDate(int column, Calendar cal) throws SQLException {
        try { return read().getDate(column, cal); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        try { return read().getTime(column, cal); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        try { return read().getTimestamp(column, cal); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        try { return read().getAsciiStream(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        try { return read().getBinaryStream(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        try { return read().getCharacterStream(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        try { return read().getNCharacterStream(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public String getNString(int column) throws SQLException {
        try { return read().getNString(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Object getObject(int column) throws SQLException {
        try { return read().getObject(column); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        try { return read().getObject(column, type); } catch (Exception e) { throw translate(e); }
    }

    @Override
    public Array getArray(int column) throws SQLException {
        try { return read().getArray(column); } catch (Exception e) { throw translate(e); }
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        try { return read().getBigDecimal(column, scale); } catch (Exception e) { throw translate(e); }
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(int column) throws SQLException {
        try { return read().getUnicodeStream(column); } catch (Exception e) { throw translate(e); }
    }

    /** True for our own types and for whatever the delegate is or wraps. */
    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        if (super.isWrapperFor(iface)) {
            return true;
        }
        try {
            return iface != null && (iface.isInstance(delegate) || delegate.isWrapperFor(iface));
        } catch (Exception e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (super.isWrapperFor(iface)) {
            return iface.cast(this);
        }
        if (iface != null && iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        try {
            return delegate.unwrap(iface);
        } catch (Exception e) {
            throw translate(e);
        }
    }
}
