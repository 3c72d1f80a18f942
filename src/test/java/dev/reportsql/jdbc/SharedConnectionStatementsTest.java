package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.ConcurrentStatementRegistry;
import org.junit.jupiter.api.Test;

/**
 * Many threads creating, running and closing statements on one connection at once: Calcite keeps
 * its statements in a plain HashMap, which the driver replaces (see {@link ConcurrentStatementRegistry}).
 */
class SharedConnectionStatementsTest {
    @Test
    void theRegistryIsReplacedOnThisCalciteVersion() throws Exception {
        try (Connection c = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", new Properties())) {
            CalciteConnection calcite = c.unwrap(CalciteConnection.class);
            assertTrue(ConcurrentStatementRegistry.install(calcite), "Calcite's statement map was not found");
            assertTrue(ConcurrentStatementRegistry.install(calcite), "already concurrent");
            try (Statement s = calcite.createStatement(); ResultSet rs = s.executeQuery("VALUES 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void eightThreadsShareOneConnection() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo")) {
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = t;
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 60; i++) {
                            if (i % 2 == 0) {
                                try (Statement s = c.createStatement();
                                        ResultSet rs = s.executeQuery("SELECT x FROM (VALUES (" + n + ")) AS t(x)")) {
                                    assertTrue(rs.next());
                                    assertEquals(n, rs.getInt(1));
                                }
                            } else {
                                try (PreparedStatement ps = c.prepareStatement("SELECT x + ? FROM (VALUES (1)) AS t(x)")) {
                                    ps.setInt(1, i);
                                    try (ResultSet rs = ps.executeQuery()) {
                                        assertTrue(rs.next());
                                        assertEquals(1 + i, rs.getInt(1));
                                    }
                                }
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertTrue(errors.isEmpty(), () -> errors.size() + " failures, first: " + errors.peek());
        }
    }
}
