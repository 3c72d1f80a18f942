package dev.reportsql.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.reportsql.jdbc.ReportSqlDataSource;

/** HikariCP pooling our DataSource, with Spring's NamedParameterJdbcTemplate on top, under threads. */
class HikariSpringTest extends ClientFixture {
    private static final String SQL = "SELECT BranchCode, COUNT(*) AS n, SUM(ProducedQty) AS produced FROM LineOutputDaily "
            + "WHERE StartDate = :start AND EndDate = :end AND BranchCode IN (:branches) GROUP BY BranchCode ORDER BY BranchCode";

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(ReportSqlDataSource.class.getName());
        config.addDataSourceProperty("url", "jdbc:sooperwizer:" + sandbox.apiUrl());
        config.addDataSourceProperty("keycloakUrl", sandbox.keycloakUrl());
        config.addDataSourceProperty("user", "alice");
        config.addDataSourceProperty("password", "alice-pw");
        config.setMaximumPoolSize(4);
        config.setReadOnly(true);
        config.setPoolName("reportsql-test");
        return new HikariDataSource(config);
    }

    @Test
    void namedAndListParametersUnderManyThreads() throws Exception {
        int threadsBefore = Thread.activeCount();
        try (HikariDataSource ds = pool()) {
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(ds);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<List<Map<String, Object>>>> results = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String day = String.format("2025-02-%02d", 1 + i % 20);
                List<String> branches = i % 2 == 0 ? List.of("BR01", "BR03") : List.of("BR02");
                results.add(threads.submit(() -> jdbc.queryForList(SQL, new MapSqlParameterSource()
                        .addValue("start", day).addValue("end", day).addValue("branches", branches))));
            }
            for (int i = 0; i < results.size(); i++) {
                List<Map<String, Object>> rows = results.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(i % 2 == 0 ? 2 : 1, rows.size());
                for (Map<String, Object> r : rows) {
                    assertEquals(100L, ((Number) r.get("n")).longValue());
                }
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
            assertTrue(ds.getHikariPoolMXBean().getTotalConnections() <= 4);
            assertEquals(0, ds.getHikariPoolMXBean().getActiveConnections(), "no connection leaked");
        }
        assertEquals(48, sandbox.requests("/report/get-data").stream()
                .filter(r -> r.json().get("ReportID").asInt() == 101).count(), "one data call per query");
        assertTrue(Thread.activeCount() <= threadsBefore + 8, "threads are bounded after the pool closed");
    }

    @Test
    void connectionStateIsResetBetweenBorrows() throws SQLException {
        try (HikariDataSource ds = pool()) {
            ds.setMaximumPoolSize(1);
            try (Connection c = ds.getConnection()) {
                assertTrue(c.isValid(5));
                c.setAutoCommit(false);
                c.setClientInfo("ApplicationName", "first borrower");
            }
            try (Connection c = ds.getConnection()) {
                assertTrue(c.getAutoCommit(), "Hikari restores auto-commit on return");
                assertTrue(c.isReadOnly());
                assertEquals(480, new org.springframework.jdbc.core.JdbcTemplate(new SingleConnection(c))
                        .queryForObject("SELECT COUNT(*) FROM MachineDowntime", Long.class));
            }
        }
    }

    /** Lets JdbcTemplate use one borrowed connection without closing it. */
    private static final class SingleConnection extends org.springframework.jdbc.datasource.SingleConnectionDataSource {
        SingleConnection(Connection c) {
            super(c, true);
        }
    }
}
