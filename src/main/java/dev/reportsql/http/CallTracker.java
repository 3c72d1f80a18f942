package dev.reportsql.http;

import java.sql.SQLException;

import okhttp3.Call;

/**
 * Follows the HTTP calls of one running statement, so that cancel, query timeout or closing the
 * connection can abort them at once, and so that an aborted call's IOException is reported as
 * the cancellation it really is.
 */
public interface CallTracker {
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
}
