package dev.reportsql.it;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.zip.CRC32;

/**
 * Runs a wide SQL surface through {@code jdbc:sooperwizer:demo} and {@code jdbc:reportei:demo} and
 * writes down everything it saw: column types, every value (as {@code getObject} and
 * {@code getString}), SQLStates and messages, metadata. {@link ShadedJarCoverageIT} runs it twice, in
 * a child JVM whose class path is the shaded jar plus this probe only, and in the test JVM on the
 * unshaded classes; the transcripts must be equal. A class that the jar's minimization dropped shows
 * up as a difference (or as a {@code THROWABLE} line), wherever Calcite needed it.
 *
 * <p>Uses nothing but {@code java.sql}, so it runs against either build of the driver.
 */
public final class ShadedJarProbe {
    /** Marks a line written for a failure that is not an SQLException (a missing class, for one). */
    static final String THROWABLE = "THROWABLE ";
    private static final String SHADE_PREFIX = "dev.reportsql.shaded.";
    private static final int ROWS_SHOWN = 40;

    private ShadedJarProbe() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        transcript().forEach(out::println);
        // The driver's HTTP threads are daemons (DispatcherThreadsTest); exiting anyway means a thread
        // some library starts can never stall the build.
        System.exit(0);
    }

    /** Everything the probe does, one line per observation. */
    static List<String> transcript() {
        List<String> t = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo")) {
            for (String[] q : ShadedJarProbeQueries.SOOPERWIZER) {
                query(t, c, q[0], q[1]);
            }
            prepared(t, c);
            metadata(t, c);
        } catch (Throwable e) {
            t.add("connection failed: " + describe(e));
        }
        try (Connection c = DriverManager.getConnection("jdbc:reportei:demo")) {
            for (String[] q : ShadedJarProbeQueries.REPORTEI) {
                query(t, c, q[0], q[1]);
            }
            tables(t, c.getMetaData());
        } catch (Throwable e) {
            t.add("connection failed: " + describe(e));
        }
        return t;
    }

    private static void query(List<String> t, Connection c, String name, String sql) {
        t.add("== " + name);
        long start = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            dump(t, rs);
        } catch (Throwable e) {
            t.add(describe(e));
        }
        // Timings go to standard error: they differ between runs, so they stay out of the transcript.
        System.err.println((System.nanoTime() - start) / 1_000_000 + " ms " + name);
    }

    /** Every setter the driver supports, on filter columns (sent to the API) and data columns. */
    private static void prepared(List<String> t, Connection c) {
        t.add("== prepared: every setter");
        String sql = "SELECT CAST(? AS VARCHAR(20)) AS s, CAST(? AS INTEGER) AS i, CAST(? AS BIGINT) AS l, "
                + "CAST(? AS SMALLINT) AS sh, CAST(? AS TINYINT) AS b, CAST(? AS DOUBLE) AS d, CAST(? AS REAL) AS f, "
                + "CAST(? AS DECIMAL(12, 3)) AS bd, CAST(? AS BOOLEAN) AS z, CAST(? AS DATE) AS dt, "
                + "CAST(? AS TIME) AS tm, CAST(? AS TIMESTAMP) AS ts, CAST(? AS VARCHAR(5)) AS n, "
                + "CAST(? AS DATE) AS ld, CAST(? AS TIMESTAMP) AS ldt, CAST(? AS INTEGER) AS o "
                + "FROM MachineDowntime WHERE EventID = 7";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "text 'quoted'");
            ps.setInt(2, -42);
            ps.setLong(3, 9_007_199_254_740_993L);
            ps.setShort(4, (short) 12_345);
            ps.setByte(5, (byte) -7);
            ps.setDouble(6, 2.5e-3);
            ps.setFloat(7, 1.25f);
            ps.setBigDecimal(8, new BigDecimal("12345.678"));
            ps.setBoolean(9, true);
            ps.setDate(10, Date.valueOf("2025-02-28"));
            ps.setTime(11, Time.valueOf("13:14:15"));
            ps.setTimestamp(12, Timestamp.valueOf("2025-03-01 06:15:00"));
            ps.setNull(13, Types.VARCHAR);
            ps.setDate(14, Date.valueOf("2024-02-29"), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            ps.setTimestamp(15, Timestamp.valueOf("2025-01-02 03:04:05.5"), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            ps.setObject(16, 99, Types.INTEGER);
            ParameterMetaData pmd = ps.getParameterMetaData();
            StringBuilder types = new StringBuilder("parameters:");
            for (int i = 1; i <= pmd.getParameterCount(); i++) {
                types.append(' ').append(pmd.getParameterTypeName(i));
            }
            t.add(types.toString());
            try (ResultSet rs = ps.executeQuery()) {
                dump(t, rs);
            }
        } catch (Throwable e) {
            t.add(describe(e));
        }
        t.add("== prepared: java.time objects in the select list");
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS DATE), CAST(? AS TIMESTAMP), CAST(? AS TIME), "
                + "CAST(? AS DATE) FROM (VALUES (1))")) {
            ps.setObject(1, LocalDate.of(2024, 2, 29));
            ps.setObject(2, java.time.LocalDateTime.of(2025, 1, 2, 3, 4, 5));
            ps.setObject(3, java.time.LocalTime.of(23, 30, 15));
            ps.setObject(4, LocalDate.of(2025, 12, 31), Types.DATE);
            try (ResultSet rs = ps.executeQuery()) {
                dump(t, rs);
            }
        } catch (Throwable e) {
            t.add(describe(e));
        }
        t.add("== prepared: filters and data columns, executed twice");
        try (PreparedStatement ps = c.prepareStatement("SELECT LineCode, ProducedQty, EfficiencyPct FROM LineOutputDaily "
                + "WHERE StartDate = ? AND EndDate = ? AND BranchCode IN (?, ?) AND ProducedQty > ? AND EfficiencyPct < ? "
                + "ORDER BY LineCode LIMIT 7")) {
            ps.setDate(1, Date.valueOf("2025-01-05"));
            ps.setObject(2, LocalDate.of(2025, 1, 5));
            ps.setString(3, "BR01");
            ps.setString(4, "BR03");
            ps.setInt(5, 100);
            ps.setBigDecimal(6, new BigDecimal("95.5"));
            try (ResultSet rs = ps.executeQuery()) {
                dump(t, rs);
            }
            ps.setString(2, "2025-01-06");
            ps.setNull(4, Types.VARCHAR);
            ps.setLong(5, 0);
            ps.setDouble(6, 1e9);
            try (ResultSet rs = ps.executeQuery()) {
                dump(t, rs);
            }
        } catch (Throwable e) {
            t.add(describe(e));
        }
    }

    private static void metadata(List<String> t, Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        t.add("== metadata: scalars");
        t.add(md.getDatabaseProductName() + " | " + md.getDriverName() + " | " + md.getDriverMajorVersion() + "."
                + md.getDriverMinorVersion() + " | " + md.getJDBCMajorVersion() + " | " + md.getIdentifierQuoteString()
                + " | " + md.isReadOnly() + " | " + md.supportsTransactions() + " | " + md.supportsResultSetType(
                        ResultSet.TYPE_FORWARD_ONLY) + " | " + md.getDefaultTransactionIsolation());
        t.add("keywords " + md.getSQLKeywords());
        t.add("numeric " + md.getNumericFunctions());
        t.add("string " + md.getStringFunctions());
        t.add("time " + md.getTimeDateFunctions());
        t.add("system " + md.getSystemFunctions());
        tables(t, md);
        t.add("== metadata: getColumns");
        call(t, () -> md.getColumns(null, null, "%", "%"));
        t.add("== metadata: getColumns of one table, by pattern");
        call(t, () -> md.getColumns(null, "sooperwizer", "Machine%", "Down%"));
        t.add("== metadata: getSchemas");
        call(t, md::getSchemas);
        t.add("== metadata: getCatalogs");
        call(t, md::getCatalogs);
        t.add("== metadata: getTableTypes");
        call(t, md::getTableTypes);
        t.add("== metadata: getTypeInfo");
        call(t, md::getTypeInfo);
        t.add("== metadata: getPrimaryKeys");
        call(t, () -> md.getPrimaryKeys(null, null, "MachineDowntime"));
        t.add("== metadata: getImportedKeys");
        call(t, () -> md.getImportedKeys(null, null, "MachineDowntime"));
        t.add("== metadata: getIndexInfo");
        call(t, () -> md.getIndexInfo(null, null, "MachineDowntime", false, true));
        t.add("== metadata: getProcedures");
        call(t, () -> md.getProcedures(null, null, "%"));
        t.add("== metadata: getFunctions");
        call(t, () -> md.getFunctions(null, null, "%"));
        t.add("== metadata: driver property info");
        try {
            Driver d = DriverManager.getDriver("jdbc:sooperwizer:demo");
            for (DriverPropertyInfo p : d.getPropertyInfo("jdbc:sooperwizer:demo", new Properties())) {
                t.add(p.name + " = " + p.value + " required=" + p.required + " choices="
                        + (p.choices == null ? "-" : String.join(",", p.choices)));
            }
        } catch (Throwable e) {
            t.add(describe(e));
        }
    }

    private static void tables(List<String> t, DatabaseMetaData md) {
        t.add("== metadata: getTables");
        call(t, () -> md.getTables(null, null, "%", null));
    }

    private interface ResultCall {
        ResultSet open() throws SQLException;
    }

    private static void call(List<String> t, ResultCall call) {
        long start = System.nanoTime();
        try (ResultSet rs = call.open()) {
            dump(t, rs);
        } catch (Throwable e) {
            t.add(describe(e));
        }
        System.err.println((System.nanoTime() - start) / 1_000_000 + " ms " + t.get(t.size() - 1));
    }

    /**
     * Column labels and types, then the first rows in full and a count and checksum of all rows, so
     * that large results still compare exactly without filling the transcript.
     */
    static void dump(List<String> t, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder header = new StringBuilder("columns:");
        for (int i = 1; i <= n; i++) {
            header.append(' ').append(md.getColumnLabel(i)).append(':').append(md.getColumnTypeName(i))
                    .append('(').append(md.getPrecision(i)).append(',').append(md.getScale(i)).append(')')
                    .append(md.isNullable(i) == ResultSetMetaData.columnNoNulls ? "!" : "");
        }
        t.add(header.toString());
        CRC32 crc = new CRC32();
        int rows = 0;
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                Object value = rs.getObject(i);
                row.append(i == 1 ? "" : " | ").append(render(value));
                String text = rs.getString(i);
                if (value != null && !String.valueOf(value).equals(text)) {
                    row.append(" ~ ").append(text);
                }
            }
            String line = oneLine(row.toString());
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            if (rows++ < ROWS_SHOWN) {
                t.add(line);
            }
        }
        t.add(rows + " rows, crc " + Long.toHexString(crc.getValue()));
        if (rs.getWarnings() != null) {
            t.add("warning " + rs.getWarnings().getSQLState() + " " + firstLine(rs.getWarnings().getMessage()));
        }
    }

    private static String render(Object value) throws SQLException {
        if (value == null) {
            return "NULL";
        }
        String type = value.getClass().getName().replace(SHADE_PREFIX, "");
        if (value instanceof Array) {
            Object elements = ((Array) value).getArray();
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(elements); i++) {
                list.add(java.lang.reflect.Array.get(elements, i));
            }
            return "Array" + list;
        }
        if (value instanceof Struct) {
            return "Struct" + Arrays.deepToString(((Struct) value).getAttributes());
        }
        if (value instanceof byte[]) {
            StringBuilder hex = new StringBuilder("bytes:");
            for (byte b : (byte[]) value) {
                hex.append(String.format(java.util.Locale.ROOT, "%02x", b));
            }
            return hex.toString();
        }
        return type.substring(type.lastIndexOf('.') + 1) + ":" + value;
    }

    /** The SQLState and message of a failure; anything that is not an SQLException is marked. */
    static String describe(Throwable e) {
        if (e instanceof SQLException) {
            StringBuilder s = new StringBuilder("ERROR ").append(((SQLException) e).getSQLState()).append(' ')
                    .append(firstLine(e.getMessage()));
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ClassNotFoundException
                        || (cause instanceof LinkageError && !(cause instanceof ExceptionInInitializerError))) {
                    s.append(" caused by ").append(THROWABLE).append(firstLine(cause.toString()));
                }
            }
            return s.toString();
        }
        return THROWABLE + firstLine(e.toString());
    }

    /** Relocated class names and the sandboxes' random ports are the only expected differences in values. */
    static String normalize(String s) {
        if (s == null) {
            return "null";
        }
        return s.replace(SHADE_PREFIX, "").replace("dev/reportsql/shaded/", "")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    /** Messages may also quote the planner's node ids, which come from a JVM-wide counter. */
    static String normalizeMessage(String s) {
        return normalize(s).replaceAll("id = \\d+", "id = N").replaceAll("#\\d+", "#N");
    }

    /** One transcript line: line breaks and tabs in values (and plans) are escaped. */
    private static String oneLine(String s) {
        return normalize(s).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    /** An error message's first line: the rest is a planner dump at best. */
    private static String firstLine(String message) {
        if (message == null) {
            return "null";
        }
        int end = message.indexOf('\n');
        return normalizeMessage(end < 0 ? message : message.substring(0, end));
    }
}
