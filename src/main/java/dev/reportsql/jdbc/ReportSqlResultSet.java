package dev.reportsql.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

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
