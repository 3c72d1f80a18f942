package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Prints how long reading all customers takes with and without pages fetched ahead, against a
 * sandbox that answers each request after 150 ms. Not run by default (the name does not end in
 * Test): {@code mvn -q test -Dtest=ReporteiPagingBenchmark}, then read
 * {@code target/surefire-reports/dev.reportsql.it.ReporteiPagingBenchmark-output.txt}.
 */
class ReporteiPagingBenchmark extends ReporteiFixture {
    @Test
    void prefetchAgainstSequentialPages() throws SQLException {
        sandbox.setLatency(Duration.ofMillis(150));
        for (String prefetch : new String[] {"0", "2", "4", "8"}) {
            try (Connection c = connect(0, "pageSize", "20", "prefetchPages", prefetch)) {
                rows(c, "SELECT COUNT(*) FROM merchant_settings"); // warm up Calcite's code generation
                long best = Long.MAX_VALUE;
                for (int run = 0; run < 3; run++) {
                    long start = System.nanoTime();
                    assertEquals(320, rows(c, "SELECT * FROM customers").size());
                    best = Math.min(best, System.nanoTime() - start);
                }
                System.out.printf("prefetchPages=%s: 16 pages of 20 customers, 150 ms per answer: best of 3 %d ms%n",
                        prefetch, best / 1_000_000);
            }
        }
    }
}
