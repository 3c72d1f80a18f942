package dev.reportsql.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread for all statements' query timeouts; a timeout only aborts HTTP calls, so it is quick. */
final class QueryTimer {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reportsql-query-timeout");
        t.setDaemon(true);
        return t;
    });

    private QueryTimer() {
    }

    static ScheduledFuture<?> schedule(Runnable action, long seconds) {
        return TIMER.schedule(action, seconds, TimeUnit.SECONDS);
    }
}
