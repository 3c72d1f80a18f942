package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reportsql.http.HttpTransport;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/**
 * The threads that run asynchronous HTTP calls (Reportei's page prefetch) are daemons with the
 * driver's name, so they never keep an application's JVM alive after its main method returns.
 */
class DispatcherThreadsTest extends ReporteiFixture {

    @Test
    void prefetchRunsOnNamedDaemonThreads() throws SQLException {
        try (Connection c = connect(0, "pageSize", "25")) {
            assertEquals(ReporteiSandbox.DEFAULT_CUSTOMERS, rows(c, "SELECT name FROM customers").size());
        }
        assertTrue(pagesRequested().size() > 2, "several pages, so later ones were prefetched: " + pagesRequested());
        List<Thread> ours = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(HttpTransport.DISPATCHER_THREAD_PREFIX)).toList();
        assertFalse(ours.isEmpty(), "the prefetch ran on the driver's dispatcher (idle threads live 60 s)");
        for (Thread t : ours) {
            assertTrue(t.isDaemon(), t.getName() + " is not a daemon thread");
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("OkHttp Dispatcher")),
                "no thread of OkHttp's default dispatcher");
    }
}
