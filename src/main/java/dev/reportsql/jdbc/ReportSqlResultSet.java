package dev.reportsql.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Calendar;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.error.WarningChain;
import dev.reportsql.sql.ExecutionContext;

/**
 * The result of a query: Calcite's result set, with failures translated (see
 * {@link DelegatingResultSet}) and the execution's timeout and HTTP calls released on close.
 *
 * <p>A getter that is the column's own (getLong on BIGINT, getString on VARCHAR, getDate on DATE...)
 * is answered by the cell or by Avatica. Every other getter converts the column's natural value with
 * {@link ValueConversion}, the table the metadata result sets use too: Avatica's own conversions
 * refuse text as a number or date with an internal class name, and read a DATE as a number.
 */
final class ReportSqlResultSet extends DelegatingResultSet {
    /** Slots of the epoch-day cache; a power of two (the slot is the day's low bits). */
    private static final int DAY_SLOTS = 256;

    private final ReportSqlStatement statement;
    private final ExecutionContext context;
    private final int maxRows;
    private long returned;
    /** Direct reading of Calcite's rows; null when its result set has a shape we do not read. */
    private final DirectCells cells;
    /** Whether the last getter answered from {@link #cells} (then {@link #lastNull} is its wasNull). */
    private boolean lastDirect;
    private boolean lastNull;
    /** Direct-mapped cache epoch day → the millis Avatica's getDate answered for it. */
    private int[] cachedDays;
    private long[] cachedMillis;
    /** The columns' JDBC types, read from the metadata on the first converting getter. */
    private int[] types;

    ReportSqlResultSet(ReportSqlStatement statement, ResultSet delegate, ExecutionContext context, int maxRows) {
        super(statement, delegate);
        this.statement = statement;
        this.context = context;
        this.maxRows = maxRows;
        this.cells = directReads ? DirectCells.of(delegate) : null;
    }

    /** Off only in tests that compare the direct reads with Avatica's. */
    static volatile boolean directReads = true;

    /** Whether cells are read directly (for tests). */
    boolean readsDirectly() {
        return cells != null;
    }

    @Override
    protected boolean beforeNext() {
        if (cells != null) {
            cells.clear();
        }
        // Counted here: Calcite applies a statement's max rows to plain statements only, not to plans
        // prepared earlier (prepared statements, cached plans of plain ones).
        if (maxRows > 0 && returned >= maxRows) {
            if (cells != null) {
                cells.moved(false);
            }
            return false;
        }
        return true;
    }

    @Override
    protected void afterNext(boolean hasRow) {
        if (cells != null) {
            cells.moved(hasRow);
        }
        if (hasRow) {
            returned++;
        } else if (context.query() != null) {
            context.query().succeeded(returned);
        }
    }

    @Override
    protected void nextFailed(SQLException failure) {
        if (context.query() != null) {
            context.query().failed(failure.getSQLState(), returned);
        }
    }

    /** The cell of a column of {@code kind} on the current row, or {@link DirectCells#MISS}. */
    private Object cell(int column, byte kind) {
        return cells == null ? DirectCells.MISS : cells.cell(column, kind);
    }

    /** Records a direct answer for {@link #wasNull()}; returns the cell. */
    private Object direct(Object value) {
        lastDirect = true;
        lastNull = value == null;
        return value;
    }

    @Override
    protected void beforeDelegatedRead() {
        lastDirect = false;
    }

    @Override
    public boolean wasNull() throws SQLException {
        return lastDirect ? lastNull : super.wasNull();
    }

    /** Whether {@code column} is of {@code type} (or out of range: then Avatica reports the bad index). */
    private boolean ownGetter(int column, int type) throws SQLException {
        return ownGetter(column, type, type);
    }

    private boolean ownGetter(int column, int type, int alsoType) throws SQLException {
        int actual = columnType(column);
        return actual == Types.NULL || actual == type || actual == alsoType;
    }

    /** The column's JDBC type; {@link Types#NULL} for an index out of range. */
    private int columnType(int column) throws SQLException {
        if (types == null) {
            ResultSetMetaData md = getMetaData();
            int[] t = new int[md.getColumnCount()];
            for (int i = 0; i < t.length; i++) {
                t[i] = md.getColumnType(i + 1);
            }
            types = t;
        }
        return column < 1 || column > types.length ? Types.NULL : types[column - 1];
    }

    /**
     * Avatica hands a TIME out as its milliseconds of the day at UTC, which reads hours off outside
     * UTC; this is the same wall clock in the JVM's zone, as Avatica gives DATE and TIMESTAMP.
     */
    private static Time wallClock(Time utc) {
        if (utc == null) {
            return null;
        }
        long millis = Math.floorMod(utc.getTime(), 86_400_000L);
        return new Time(Time.valueOf(LocalTime.ofNanoOfDay(millis * 1_000_000)).getTime() + millis % 1000);
    }

    /** The column's natural value read as {@code type} by the driver's conversion table. */
    private <T> T converted(int column, Class<T> type) throws SQLException {
        return ValueConversion.convert(getObject(column), type, this::label, column);
    }

    private String label(int column) throws SQLException {
        return getMetaData().getColumnLabel(column);
    }

    @Override
    public String getString(int column) throws SQLException {
        Object v = cell(column, DirectCells.TEXT);
        if (v == null || v instanceof String) {
            return (String) direct(v);
        }
        if (ownGetter(column, Types.VARCHAR, Types.CHAR)) {
            return super.getString(column);
        }
        return converted(column, String.class);
    }

    @Override
    public long getLong(int column) throws SQLException {
        Object v = cell(column, DirectCells.LONG);
        if (v == null || v instanceof Long) {
            direct(v);
            return v == null ? 0L : (Long) v;
        }
        if (ownGetter(column, Types.BIGINT)) {
            return super.getLong(column);
        }
        Long c = converted(column, Long.class);
        return c == null ? 0L : c;
    }

    @Override
    public int getInt(int column) throws SQLException {
        if (ownGetter(column, Types.INTEGER)) {
            return super.getInt(column);
        }
        Integer c = converted(column, Integer.class);
        return c == null ? 0 : c;
    }

    @Override
    public short getShort(int column) throws SQLException {
        if (ownGetter(column, Types.SMALLINT)) {
            return super.getShort(column);
        }
        Short c = converted(column, Short.class);
        return c == null ? 0 : c;
    }

    @Override
    public byte getByte(int column) throws SQLException {
        if (ownGetter(column, Types.TINYINT)) {
            return super.getByte(column);
        }
        Byte c = converted(column, Byte.class);
        return c == null ? 0 : c;
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Object v = cell(column, DirectCells.DOUBLE);
        if (v == null || v instanceof Double) {
            direct(v);
            return v == null ? 0d : (Double) v;
        }
        if (ownGetter(column, Types.DOUBLE, Types.FLOAT)) {
            return super.getDouble(column);
        }
        Double c = converted(column, Double.class);
        return c == null ? 0d : c;
    }

    @Override
    public float getFloat(int column) throws SQLException {
        if (ownGetter(column, Types.REAL)) {
            return super.getFloat(column);
        }
        Float c = converted(column, Float.class);
        return c == null ? 0f : c;
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object v = cell(column, DirectCells.DECIMAL);
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) direct(v);
        }
        if (ownGetter(column, Types.DECIMAL, Types.NUMERIC)) {
            return super.getBigDecimal(column);
        }
        return converted(column, BigDecimal.class);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Object v = cell(column, DirectCells.BOOLEAN);
        if (v == null || v instanceof Boolean) {
            direct(v);
            return v != null && (Boolean) v;
        }
        if (ownGetter(column, Types.BOOLEAN, Types.BIT)) {
            return super.getBoolean(column);
        }
        Boolean c = converted(column, Boolean.class);
        return c != null && c;
    }

    @Override
    public Time getTime(int column) throws SQLException {
        if (ownGetter(column, Types.TIME)) {
            return columnType(column) == Types.TIME ? wallClock(super.getTime(column)) : super.getTime(column);
        }
        return converted(column, Time.class);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        if (ownGetter(column, Types.TIMESTAMP)) {
            return super.getTimestamp(column);
        }
        return converted(column, Timestamp.class);
    }

    /**
     * With a calendar, the column's wall clock (as the getter without one reads it, text included) is
     * placed in the calendar's zone, as JDBC asks for values stored without a zone. Avatica's own
     * calendar getters are not used: outside a UTC JVM they shift a TIMESTAMP by the JVM's offset.
     */
    @Override
    public Date getDate(int column, Calendar cal) throws SQLException {
        return cal == null ? getDate(column) : TemporalConversion.date(converted(column, LocalDate.class), cal);
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        return cal == null ? getTime(column) : TemporalConversion.time(converted(column, LocalTime.class), cal);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        return cal == null ? getTimestamp(column)
                : TemporalConversion.timestamp(converted(column, LocalDateTime.class), cal);
    }

    /**
     * Avatica turns every DATE cell into a {@link Date} through {@code LocalDate}, the deprecated
     * y/m/d constructor and two time-zone lookups, which is the costliest getter of a scan. Calcite
     * holds a DATE as an epoch day; the first time a day is seen, its {@code Date} comes from Avatica
     * and its millis are kept, so every later cell of that day is a plain {@code new Date(millis)}
     * with exactly the value Avatica gives. Report rows are usually ordered or clustered by date, so
     * the small cache nearly always hits.
     */
    @Override
    public Date getDate(int column) throws SQLException {
        Object v = cell(column, DirectCells.DATE);
        if (v == null) {
            direct(null);
            return null;
        }
        if (!(v instanceof Integer)) {
            return ownGetter(column, Types.DATE) ? super.getDate(column) : converted(column, Date.class);
        }
        int day = (Integer) v;
        if (cachedDays == null) {
            cachedDays = new int[DAY_SLOTS];
            cachedMillis = new long[DAY_SLOTS];
            Arrays.fill(cachedMillis, Long.MIN_VALUE);
        }
        int slot = day & (DAY_SLOTS - 1);
        if (cachedDays[slot] == day && cachedMillis[slot] != Long.MIN_VALUE) {
            direct(v);
            return new Date(cachedMillis[slot]);
        }
        Date date = super.getDate(column);
        if (date != null) {
            cachedDays[slot] = day;
            cachedMillis[slot] = date.getTime();
        }
        return date;
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        BigDecimal v = getBigDecimal(column);
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    /** For the kinds read directly, Avatica's natural object is the cell itself (DATE: as getDate). */
    @Override
    public Object getObject(int column) throws SQLException {
        if (cells != null && cells.kind(column) == DirectCells.DATE) {
            return getDate(column);
        }
        Object v = cells == null ? DirectCells.MISS : cells.natural(column);
        if (v != DirectCells.MISS) {
            return direct(v);
        }
        Object o = super.getObject(column);
        return o instanceof Time t && columnType(column) == Types.TIME ? wallClock(t) : o;
    }

    /**
     * Avatica converts only to a few classes; this reads the column's natural value and converts it
     * with the driver's one conversion table, so {@code LocalDate}, {@code LocalDateTime},
     * {@code Double} and the rest work for every column kind.
     */
    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        if (type == null) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "getObject needs a target class");
        }
        return ValueConversion.convert(getObject(column), type, this::label, column);
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    /** Calcite's warnings followed by the driver's (e.g. keys a report returned that are not columns). */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        WarningChain all = new WarningChain();
        all.add(super.getWarnings());
        all.add(context.warnings()); // not linked twice when a second call finds them chained already
        return all.head();
    }

    @Override
    protected SQLException abortReason() {
        return context.abortReason();
    }

    @Override
    protected void onClose() {
        if (cells != null) {
            cells.clear();
        }
        context.releaseAttachments();
        if (context.query() != null) {
            context.query().succeeded(returned); // a no-op when the end or a failure already ended it
        }
        try {
            statement.resultSetClosed(this);
        } catch (SQLException e) {
            // closing the statement on completion failed; the result set is closed regardless
        }
    }
}
