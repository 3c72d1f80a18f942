package dev.reportsql.http;

import java.sql.SQLException;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

import okhttp3.Call;

/**
 * Follows the HTTP calls of one running statement, so that cancel, query timeout or closing the
 * connection can abort them at once, and so that an aborted call's IOException is reported as
 * the cancellation it really is. It also tells retries how long the statement may still run.
 */
public interface CallTracker {
    /** {@link #deadlineNanos()} of work that has no deadline. */
    long NO_DEADLINE = Long.MAX_VALUE;

    /** A tracker for work that belongs to no statement (connect, metadata). */
    CallTracker NONE = new CallTracker() {
        @Override
        public void register(Call call) {
        }

        @Override
        public void unregister(Call call) {
        }

        @Override
        public SQLException abortReason() {
            return null;
        }
    };

    /** Called before the call starts; if the statement was already aborted, implementations cancel it. */
    void register(Call call);

    void unregister(Call call);

    /** Why the statement's calls were aborted (timeout, cancel, close), or null if they were not. */
    SQLException abortReason();

    /** The id of the statement execution the calls belong to ({@code sys.queries}), or 0 for none. */
    default long statementId() {
        return 0;
    }

    /**
     * The {@link System#nanoTime()} at which the statement's query timeout expires, or
     * {@link #NO_DEADLINE}. A retry whose wait would end after it is not attempted.
     */
    default long deadlineNanos() {
        return NO_DEADLINE;
    }

    /**
     * Waits {@code millis} before a retry, ending early (by throwing the abort reason) when the
     * statement is aborted meanwhile.
     */
    default void pause(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.sql(SqlState.OPERATION_CANCELED,
                    "Interrupted while waiting to retry a call", e);
        }
        SQLException aborted = abortReason();
        if (aborted != null) {
            throw aborted;
        }
    }
}
