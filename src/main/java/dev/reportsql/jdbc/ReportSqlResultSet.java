package dev.reportsql.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.Arrays;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.sql.ExecutionContext;

/**
 * The result of a query: Calcite's result set, with failures translated (see
 * {@link DelegatingResultSet}) and the execution's timeout and HTTP calls released on close.
 */
final class ReportSqlResultSet extends DelegatingResultSet {
    /** Slots of the epoch-day cache; a power of two (the slot is the day's low bits). */
    private static final int DAY_SLOTS = 256;
    private static final byte UNKNOWN = 0;
    private static final byte EPOCH_DAYS = 1;
    private static final byte OTHER = 2;

    private final ReportSqlStatement statement;
    private final ExecutionContext context;
    /** Per column (index - 1): whether getDate can read it as epoch days; filled on first use. */
    private byte[] dateKinds;
    /** Direct-mapped cache epoch day → the millis Avatica's getDate answered for it. */
    private int[] cachedDays;
    private long[] cachedMillis;

    ReportSqlResultSet(ReportSqlStatement statement, ResultSet delegate, ExecutionContext context) {
        super(statement, delegate);
        this.statement = statement;
        this.context = context;
    }

    /**
     * Avatica turns every DATE cell into a {@link Date} through {@code LocalDate}, the deprecated
     * y/m/d constructor and two time-zone lookups, which is the costliest getter of a scan. Calcite
     * holds a DATE as an epoch day, which Avatica's {@code getInt} returns as it is; the first time
     * a day is seen, its {@code Date} comes from Avatica and its millis are kept, so every later
     * cell of that day is a plain {@code new Date(millis)} with exactly the value Avatica gives.
     * Report rows are usually ordered or clustered by date, so the small cache nearly always hits.
     */
    @Override
    public Date getDate(int column) throws SQLException {
        if (!readsEpochDays(column)) {
            return super.getDate(column);
        }
        int day = super.getInt(column);
        if (super.wasNull()) {
            return null;
        }
        int slot = day & (DAY_SLOTS - 1);
        if (cachedDays[slot] == day && cachedMillis[slot] != Long.MIN_VALUE) {
            return new Date(cachedMillis[slot]);
        }
        Date date = super.getDate(column);
        if (date != null) {
            cachedDays[slot] = day;
            cachedMillis[slot] = date.getTime();
        }
        return date;
    }

    /** A DATE column's natural object is what {@link #getDate(int)} answers (as in Avatica). */
    @Override
    public Object getObject(int column) throws SQLException {
        if (readsEpochDays(column)) {
            return getDate(column);
        }
        return super.getObject(column);
    }

    /**
     * True if the column is a DATE that Avatica reads as a number (its epoch day). Found once per
     * column: a DATE held any other way, or a column index out of range, takes Avatica's path.
     */
    private boolean readsEpochDays(int column) throws SQLException {
        if (dateKinds == null) {
            dateKinds = new byte[getMetaData().getColumnCount()];
        }
        if (column < 1 || column > dateKinds.length) {
            return false;
        }
        if (dateKinds[column - 1] == UNKNOWN) {
            dateKinds[column - 1] = probeDateKind(column);
        }
        return dateKinds[column - 1] == EPOCH_DAYS;
    }

    private byte probeDateKind(int column) throws SQLException {
        ResultSetMetaData md = getMetaData();
        if (md.getColumnType(column) != Types.DATE) {
            return OTHER;
        }
        try {
            super.getInt(column);
        } catch (SQLException e) {
            // not on a row yet, or not held as a number: Avatica's own path this time, ask again later
            return UNKNOWN;
        }
        if (cachedDays == null) {
            cachedDays = new int[DAY_SLOTS];
            cachedMillis = new long[DAY_SLOTS];
            Arrays.fill(cachedMillis, Long.MIN_VALUE);
        }
        return EPOCH_DAYS;
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
        return ValueConversion.convert(getObject(column), type, getMetaData().getColumnLabel(column));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    /** Calcite's warnings followed by the driver's (e.g. keys a report returned that are not columns). */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        SQLWarning calcite = super.getWarnings();
        SQLWarning ours = context.warnings();
        if (calcite == null) {
            return ours;
        }
        if (ours != null) {
            calcite.setNextWarning(ours);
        }
        return calcite;
    }

    @Override
    protected SQLException abortReason() {
        return context.abortReason();
    }

    @Override
    protected void onClose() {
        context.closeUnclaimedProbes();
        try {
            statement.resultSetClosed(this);
        } catch (SQLException e) {
            // closing the statement on completion failed; the result set is closed regardless
        }
    }
}
