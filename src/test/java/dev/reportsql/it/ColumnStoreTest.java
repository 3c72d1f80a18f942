package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reportsql.sooperwizer.sql.ColumnRegistry;

/**
 * Learned columns kept on disk for later JVMs (the {@code columnsStore} property), through the front
 * door: what a new JVM's first query or metadata call costs in data calls, with and without what an
 * earlier JVM learned. In one JVM a new "JVM" is simulated by emptying the memory cache
 * ({@link ColumnRegistry#clearShared()}); one test runs two real child JVMs.
 */
class ColumnStoreTest extends SandboxFixture {
    private static final String WEEK = "SELECT * FROM LineOutputDaily WHERE StartDate = '2025-02-01'"
            + " AND EndDate = '2025-02-07'";

    @TempDir
    Path store;

    @BeforeEach
    void clean() {
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
    }

    private Connection open(String user, String password, String... extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("columnsStore", store.toString());
        for (int i = 0; i < extra.length; i += 2) {
            p.setProperty(extra[i], extra[i + 1]);
        }
        return DriverManager.getConnection(url(), p);
    }

    private static int dataCalls() {
        return sandbox.requests(DATA).size();
    }

    /** name:TYPE:scale of each column DatabaseMetaData lists for the table. */
    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, "%")) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getInt("DECIMAL_DIGITS"));
            }
        }
        return out;
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(store)) {
            return s.toList();
        }
    }

    @Test
    void aNewJvmReusesWhatAnEarlierOneLearned() throws Exception {
        List<String> learned;
        List<List<Object>> rows;
        try (Connection c = open("alice", "alice-pw")) {
            rows = rows(c, WEEK);
            learned = columns(c, "LineOutputDaily");
        }
        assertEquals(1, dataCalls(), "the first query learns the columns from its own call");
        assertEquals(1, files().size(), "one file for the one report learned");

        ColumnRegistry.clearShared(); // what a new JVM remembers
        sandbox.clearRequests();
        try (Connection c = open("alice", "alice-pw")) {
            assertEquals(learned, columns(c, "LineOutputDaily"));
            assertEquals(0, dataCalls(), "the columns came from the store, not from a data call");
            assertEquals(rows, rows(c, WEEK));
            assertEquals(1, dataCalls(), "the query itself still calls the API once");
            assertEquals("2025-02-01", dataBodies().get(0).get("filters").get("StartDate").asText());
        }
    }

    @Test
    void twoChildJvmsShareTheStore() throws Exception {
        String[] first = child();
        assertEquals(2, dataCalls(), "first JVM: a data call to list the columns, one for the query");
        sandbox.clearRequests();
        String[] second = child();
        assertEquals(1, dataCalls(), "second JVM: the columns came from the store, only the query calls the API");
        assertArrayEquals(first, second, "same columns and rows in both JVMs");
        assertTrue(first[0].contains(":BIGINT:0") && first[0].contains(":TIMESTAMP:"), first[0]);
        assertTrue(first[1].startsWith("ROWS 480 "), first[1]);
    }

    private String[] child() throws Exception {
        ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(2), "-Dreportsql.columnsStore=" + store,
                "-cp", System.getProperty("java.class.path"), ColumnStoreMain.class.getName(), url(), "alice", "alice-pw",
                "MachineDowntime", "SELECT * FROM MachineDowntime");
        assertEquals(0, r.exitCode(), r.transcript());
        String[] out = r.out().lines().filter(l -> l.startsWith("COLUMNS") || l.startsWith("ROWS")).toArray(String[]::new);
        assertEquals(2, out.length, r.transcript());
        return out;
    }

    @Test
    void columnsTtlAppliesToStoredColumnsToo() throws Exception {
        try (Connection c = open("alice", "alice-pw")) {
            rows(c, "SELECT * FROM MachineDowntime");
        }
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
        try (Connection c = open("alice", "alice-pw", "columnsTtl", "0s")) {
            assertFalse(columns(c, "MachineDowntime").isEmpty());
            assertEquals(1, dataCalls(), "stored columns older than columnsTtl are learned again");
        }
    }

    @Test
    void storedColumnsArePerUser() throws Exception {
        try (Connection c = open("alice", "alice-pw")) {
            rows(c, "SELECT * FROM MachineDowntime");
        }
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
        try (Connection c = open("demo", "demo")) {
            columns(c, "MachineDowntime");
            assertEquals(1, dataCalls(), "demo does not reuse what alice learned");
        }
        assertEquals(2, files().size());
    }

    @Test
    void aWidenedColumnIsStoredWide() throws Exception {
        try (Connection c = open("oscar", "oscar-pw")) {
            rows(c, "SELECT * FROM DriftingKinds WHERE Batch = '1'");
            assertTrue(columns(c, "DriftingKinds").contains("amount:BIGINT:0"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM DriftingKinds WHERE Batch = '2'")) {
                while (rs.next()) {
                    assertEquals(null, rs.getObject("amount"), "a decimal in a BIGINT column reads as NULL");
                }
                SQLWarning w = rs.getWarnings();
                assertTrue(w != null && "01004".equals(w.getSQLState()), "with a warning");
            }
        }
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
        try (Connection c = open("oscar", "oscar-pw")) {
            List<String> cols = columns(c, "DriftingKinds");
            assertEquals(0, dataCalls());
            assertTrue(cols.contains("amount:DECIMAL:2"), "the next JVM starts from the wider type: " + cols);
            List<List<Object>> batch2 = rows(c, "SELECT amount FROM DriftingKinds WHERE Batch = '2'");
            assertTrue(batch2.stream().allMatch(r -> r.get(0) instanceof java.math.BigDecimal), batch2.toString());
        }
    }

    @Test
    void anUnreadableFileIsLearnedAgainAndReplaced() throws Exception {
        try (Connection c = open("alice", "alice-pw")) {
            rows(c, "SELECT * FROM MachineDowntime");
        }
        Path file = files().get(0);
        Files.write(file, "not a columns file".getBytes(StandardCharsets.UTF_8));
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
        List<String> relearned;
        try (Connection c = open("alice", "alice-pw")) {
            relearned = columns(c, "MachineDowntime");
            assertEquals(1, dataCalls(), "a damaged file counts as no file");
        }
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
        try (Connection c = open("alice", "alice-pw")) {
            assertEquals(relearned, columns(c, "MachineDowntime"));
            assertEquals(0, dataCalls(), "the file was written again");
        }
    }

    @Test
    void filesAreOwnerOnlyAndHoldNoSecretsOrNames() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path dir = store.resolve("nested").resolve("columns");
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("columnsStore", dir.toString());
        try (Connection c = DriverManager.getConnection(url(), p)) {
            rows(c, "SELECT * FROM MachineDowntime");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> written = s.toList();
            assertEquals(1, written.size());
            Path f = written.get(0);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            assertTrue(f.getFileName().toString().matches("[0-9a-f]{64}\\.columns"), f.toString());
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains("alice"), "no user name");
            assertFalse(content.contains("alice-pw"), "no password");
            assertFalse(content.contains("Bearer") || content.contains("eyJ"), "no token");
        }
    }

    @Test
    void noneKeepsColumnsInMemoryOnly() throws Exception {
        try (Connection c = open("alice", "alice-pw", "columnsStore", "none")) {
            rows(c, "SELECT * FROM MachineDowntime");
        }
        assertEquals(List.of(), files());
        ColumnRegistry.clearShared();
        sandbox.clearRequests();
        try (Connection c = open("alice", "alice-pw", "columnsStore", "none")) {
            columns(c, "MachineDowntime");
            assertEquals(1, dataCalls());
        }
    }

    @Test
    void theDemoUrlWritesNothing() throws Exception {
        Properties p = new Properties();
        p.setProperty("columnsStore", store.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo", p)) {
            assertFalse(rows(c, "SELECT * FROM MachineDowntime").isEmpty());
        }
        assertEquals(List.of(), files(), "the demo sandbox is on a new port in every JVM");
    }

    @Test
    void aPathThePlatformCannotNameIsABadProperty() {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("columnsStore", "cache\u0000dir");
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url(), p).close());
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("columnsStore") && e.getMessage().contains("a directory path or 'none'"),
                e.getMessage());
        assertFalse(e.getMessage().contains("alice-pw"));
    }

    @Test
    void anUnwritableStoreNeverFailsAQuery() throws Exception {
        Path notADirectory = store.resolve("file");
        Files.writeString(notADirectory, "x");
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("columnsStore", notADirectory.resolve("columns").toString());
        try (Connection c = DriverManager.getConnection(url(), p)) {
            assertEquals(2100, rows(c, WEEK).size());
        }
    }
}
