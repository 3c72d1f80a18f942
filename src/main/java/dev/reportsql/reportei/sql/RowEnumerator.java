package dev.reportsql.reportei.sql;

import java.sql.SQLException;

import org.apache.calcite.linq4j.Enumerator;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Base of the Reportei enumerators: turns {@link #nextRow} into Calcite's protocol, checks the
 * statement's cancel and abort state, and lets every failure leave as an SQLException with its
 * SQLState (wrapped for Calcite), never as a silently shortened result.
 */
abstract class RowEnumerator implements Enumerator<Object[]> {
    private final ScanRequest request;
    private Object[] current;
    private boolean done;

    RowEnumerator(ScanRequest request) {
        this.request = request;
    }

    /** The next row, or null after the last. */
    protected abstract Object[] nextRow() throws SQLException;

    /** Releases what the rows hold (calls under way); called once. */
    protected void release() {
    }

    @Override
    public final Object[] current() {
        return current;
    }

    @Override
    public final boolean moveNext() {
        if (done) {
            return false;
        }
        try {
            request.context().checkAborted();
            if (request.cancelFlag() != null && request.cancelFlag().get()) {
                throw Errors.sql(SqlState.OPERATION_CANCELED, "The statement was cancelled while reading Reportei rows");
            }
            current = nextRow();
            if (current == null) {
                close();
                return false;
            }
            return true;
        } catch (SQLException e) {
            close();
            SQLException aborted = request.context().abortReason();
            throw Errors.unchecked(aborted != null ? aborted : e);
        }
    }

    @Override
    public final void reset() {
        throw new UnsupportedOperationException("Reportei rows cannot be rewound");
    }

    @Override
    public final void close() {
        if (!done) {
            done = true;
            release();
        }
    }
}
