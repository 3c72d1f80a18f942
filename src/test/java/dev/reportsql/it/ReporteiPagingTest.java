package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.reportei.ReporteiSandbox;

/** Pagination (request counts), LIMIT stopping early, prefetch, pacing under the rate limit and 429 recovery. */
class ReporteiPagingTest extends ReporteiFixture {

    @BeforeEach
    void fresh() {
        sandbox.setRateLimits(ReporteiSandbox.DEFAULT_PER_SECOND, ReporteiSandbox.DEFAULT_PER_MINUTE);
        sandbox.setLatency(Duration.ZERO);
    }

    @AfterEach
    void restore() {
        fresh();
    }

    private static List<String> expectedPages(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    @Test
    void everyPageIsReadOnceFollowingLastPage() throws SQLException {
        try (Connection c = connect(0, "pageSize", "25")) {
            sandbox.clearRequests();
            List<List<Object>> rows = rows(c, "SELECT name FROM customers");
            assertEquals(ReporteiSandbox.DEFAULT_CUSTOMERS, rows.size());
            assertEquals("Customer 1 Studio", rows.get(0).get(0));
            assertEquals("Customer 320 Dental", rows.get(319).get(0));
        }
        List<String> pages = pagesRequested();
        assertEquals(13, pages.size(), "320 customers at 25 per page");
        assertEquals(expectedPages(13), pages.stream().sorted((a, b) -> Integer.parseInt(a) - Integer.parseInt(b))
                .toList());
        sandbox.requests(CUSTOMERS).forEach(r -> assertEquals("25", r.queryParam("per_page")));
    }

    @Test
    void limitFetchesOnlyThePagesItNeeds() throws SQLException {
        try (Connection c = connect(0, "pageSize", "25")) {
            sandbox.clearRequests();
            assertEquals(30, rows(c, "SELECT name FROM customers LIMIT 30").size());
            assertEquals(List.of("1", "2"), pagesRequested(), "30 rows are on the first two pages of 25");

            sandbox.clearRequests();
            List<List<Object>> offset = rows(c, "SELECT name FROM customers LIMIT 10 OFFSET 40");
            assertEquals("Customer 41 Fitness", offset.get(0).get(0));
            assertEquals(List.of("1", "2"), pagesRequested());

            sandbox.clearRequests();
            assertEquals(5, rows(c, "SELECT * FROM customers LIMIT 5").size());
            assertEquals(1, customerPageRequests());
            assertEquals("5", sandbox.requests(CUSTOMERS).get(0).queryParam("per_page"), "no bigger page than needed");
        }
    }

    @Test
    void limitOverAResidualFilterStopsReadingEarly() throws SQLException {
        try (Connection c = connect(0, "pageSize", "25", "prefetchPages", "2")) {
            sandbox.clearRequests();
            List<List<Object>> rows = rows(c, "SELECT name FROM customers WHERE name LIKE 'Customer 1%' LIMIT 3");
            assertEquals(List.of(List.of("Customer 1 Studio"), List.of("Customer 10 Garden"),
                    List.of("Customer 11 Legal")), rows);
            assertTrue(customerPageRequests() <= 3, "page 1 and at most the 2 fetched ahead, not all 13: "
                    + pagesRequested());
        }
    }

    @Test
    void laterPagesAreFetchedAheadConcurrently() throws SQLException {
        sandbox.setLatency(Duration.ofMillis(300));
        try (Connection c = connect(0, "pageSize", "20", "prefetchPages", "4")) {
            sandbox.clearRequests();
            assertEquals(320, rows(c, "SELECT * FROM customers").size());
            assertEquals(16, customerPageRequests());
            assertTrue(sandbox.maxConcurrentRequests() >= 3, "pages fetched ahead in parallel: "
                    + sandbox.maxConcurrentRequests());
        }
        try (Connection c = connect(0, "pageSize", "40", "prefetchPages", "0")) {
            sandbox.clearRequests();
            assertEquals(320, rows(c, "SELECT * FROM customers").size());
            assertEquals(8, customerPageRequests());
            assertTrue(sandbox.maxConcurrentRequests() < 3, "one page at a time");
        }
    }

    @Test
    void requestsArePacedUnderTheMerchantsLimit() throws SQLException {
        sandbox.setRateLimits(4, 600);
        try (Connection c = connect(0, "pageSize", "20", "prefetchPages", "6")) {
            assertEquals(4L, rows(c, "SELECT rate_limit_per_second FROM merchant_settings").get(0).get(0));
            sandbox.clearRequests();
            assertEquals(320, rows(c, "SELECT * FROM customers").size());
        }
        System.out.println("paced: " + customerPageRequests() + " requests, " + sandbox.throttledRequests()
                + " throttled, max/s " + sandbox.maxRequestsInAnySecond());
        assertEquals(0, sandbox.throttledRequests(), "no request was refused");
        assertEquals(16, customerPageRequests());
        assertTrue(sandbox.maxRequestsInAnySecond() <= 4, "at most 4 in any second: " + sandbox.maxRequestsInAnySecond());
    }

    @Test
    void throttledRequestsWaitAndRetry() throws SQLException {
        sandbox.setRateLimits(3, 600);
        // The connection believes it may send 50 per second: the server refuses the excess with 429.
        try (Connection c = connect(0, "pageSize", "20", "prefetchPages", "6", "rateLimitPerSecond", "50")) {
            sandbox.clearRequests();
            assertEquals(320, rows(c, "SELECT * FROM customers").size());
        }
        assertTrue(sandbox.throttledRequests() > 0, "the server refused some requests");
        assertEquals(16, customerPageRequests() - sandbox.throttledRequests(), "each page answered once");
    }

    @Test
    void retryAfterIsHonoured() throws SQLException {
        try (Connection c = connect(0, "pageSize", "100")) {
            sandbox.clearRequests();
            sandbox.enqueueFailure("/customers", 429, Map.of("Retry-After", "1"), "{\"message\":\"Too Many Attempts.\"}");
            long start = System.nanoTime();
            assertEquals(320, rows(c, "SELECT * FROM customers").size());
            assertTrue(System.nanoTime() - start >= 900_000_000L, "waited the second the server asked for");
        }
        assertEquals(List.of("1", "1", "2", "3", "4"), pagesRequested().stream().sorted().toList());
    }

    @Test
    void throttlingFailsOnlyWhenTheQueryTimeoutExpires() throws SQLException {
        // A sandbox of its own: the 30 s pause the server asks for applies to every connection of the merchant.
        try (ReporteiSandbox own = ReporteiSandbox.start(0, 50);
             Connection c = java.sql.DriverManager.getConnection("jdbc:reportei:" + own.apiUrl()
                     + "?apiToken=" + ReporteiSandbox.API_TOKEN);
             Statement s = c.createStatement()) {
            own.enqueueFailure("/customers", 429, Map.of("Retry-After", "30"), "{\"message\":\"Too Many Attempts.\"}");
            s.setQueryTimeout(1);
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> {
                try (ResultSet rs = s.executeQuery("SELECT * FROM customers")) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            });
            assertEquals("HYT00", e.getSQLState());
        }
    }
}
