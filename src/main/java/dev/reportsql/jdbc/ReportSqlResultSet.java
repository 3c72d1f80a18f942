package dev.reportsql.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.sql.ExecutionContext;

/**
 * The result of a query: Calcite's result set, with failures translated (see
 * {@link DelegatingResultSet}) and the execution's timeout and HTTP calls released on close.
 */
final class ReportSqlResultSet extends DelegatingResultSet {
    private final ReportSqlStatement statement;
    private final ExecutionContext context;

    ReportSqlResultSet(ReportSqlStatement statement, ResultSet delegate, ExecutionContext context) {
        super(statement, delegate);
        this.statement = statement;
        this.context = context;
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
