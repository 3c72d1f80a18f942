package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

class ReportSqlDatabaseMetaDataTest {
    static final TableMeta DAILY = new TableMeta("Daily Line Output", "Output per line and day");
    static final TableMeta LINE_OUTPUT = new TableMeta("LINE_OUTPUT", null);
    static final TableMeta LINEXOUTPUT = new TableMeta("LINEXOUTPUT", null);

    static final List<ColumnMeta> LINE_OUTPUT_COLUMNS = List.of(
            new ColumnMeta("LineId", Types.INTEGER, "INTEGER", 0, 0, false, "Line number"),
            new ColumnMeta("LineName", Types.VARCHAR, "VARCHAR", 100, 0, true, null),
            new ColumnMeta("Output", Types.BIGINT, "BIGINT", 0, 0, true, null),
            new ColumnMeta("Efficiency", Types.DECIMAL, "DECIMAL", 10, 2, true, null),
            new ColumnMeta("Rate", Types.DOUBLE, "DOUBLE", 0, 0, true, null),
            new ColumnMeta("Active", Types.BOOLEAN, "BOOLEAN", 0, 0, true, null),
            new ColumnMeta("Day", Types.DATE, "DATE", 0, 0, false, null),
            new ColumnMeta("UpdatedAt", Types.TIMESTAMP, "TIMESTAMP", 0, 3, true, null),
            new ColumnMeta("Shift", Types.CHAR, "CHAR", 1, 0, true, null),
            new ColumnMeta("Note", Types.VARCHAR, "VARCHAR", 0, 0, true, null));

    /** A report catalog of three tables; records which tables had their columns read. */
    static final class FakeSource implements MetadataSource {
        final List<String> probed = new ArrayList<>();
        boolean failColumns;

        @Override
        public String schemaName() {
            return "sooperwizer";
        }

        @Override
        public List<TableMeta> tables() {
            return List.of(LINEXOUTPUT, DAILY, LINE_OUTPUT);
        }

        @Override
        public List<ColumnMeta> columns(TableMeta table) throws SQLException {
            probed.add(table.name());
            if (failColumns) {
                throw Errors.sql(SqlState.UNABLE_TO_CONNECT, "probe failed");
            }
            if (table == LINE_OUTPUT) {
                return LINE_OUTPUT_COLUMNS;
            }
            return List.of(new ColumnMeta("StartDate", Types.DATE, "DATE", 0, 0, false, null),
                    new ColumnMeta("Output", Types.INTEGER, "INTEGER", 0, 0, true, null));
        }
    }

    static final DriverIdentity IDENTITY = new DriverIdentity("ReportSQL", "0.1.0", "ReportSQL JDBC", "0.1.0-SNAPSHOT",
            0, 1);

    private FakeSource source;
    private boolean connectionClosed;
    private Connection connection;
    private ReportSqlDatabaseMetaData md;

    @BeforeEach
    void setUp() {
        source = new FakeSource();
        connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, method, args) -> switch (method.getName()) {
                    case "isClosed" -> connectionClosed;
                    case "hashCode" -> 1;
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        md = new ReportSqlDatabaseMetaData(connection, source, IDENTITY, "jdbc:reportsql:sooperwizer://demo", "demo");
    }

    static List<List<Object>> rows(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(label));
        }
        return values;
    }

    private List<String> tableNames(String catalog, String schema, String table, String... types) throws SQLException {
        return column(md.getTables(catalog, schema, table, types.length == 0 ? null : types), "TABLE_NAME");
    }

    @Test
    void getTablesWithPatterns() throws Exception {
        List<String> all = List.of("Daily Line Output", "LINEXOUTPUT", "LINE_OUTPUT");
        assertEquals(all, tableNames(null, null, null), "sorted by TABLE_NAME");
        assertEquals(all, tableNames(null, null, "%"));
        assertEquals(all, tableNames("", "sooperwizer", "%"));
        assertEquals(List.of("LINE_OUTPUT"), tableNames(null, null, "LINE\\_OUTPUT"));
        assertEquals(List.of("LINEXOUTPUT", "LINE_OUTPUT"), tableNames(null, null, "LINE_OUTPUT"));
        assertEquals(List.of("Daily Line Output"), tableNames(null, "sooperwizer", "Daily Line Output"));
        assertEquals(List.of("Daily Line Output"), tableNames(null, null, "DAILY%"), "case-insensitive fallback");
        assertEquals(List.of("LINE_OUTPUT"), tableNames(null, null, "line\\_output"));
        assertEquals(all, tableNames(null, "SOOPERWIZER", null), "schema matches ignoring case");
        assertEquals(all, tableNames(null, "sooper%", null));
        assertEquals(all, tableNames(null, null, null, "TABLE"));
        assertEquals(all, tableNames(null, null, null, "VIEW", "table"));
        assertEquals(all, tableNames(null, null, null, new String[0]));
        assertEquals(List.of(), tableNames(null, null, null, "VIEW", "SYSTEM TABLE"));
        assertEquals(List.of(), tableNames("somecatalog", null, null));
        assertEquals(List.of(), tableNames(null, "reportei", null));
        assertEquals(List.of(), tableNames(null, "", null), "\"\" means objects without a schema");
        assertEquals(List.of(), tableNames(null, null, "nothing"));
        assertEquals(List.of(), source.probed, "getTables never reads columns");
    }

    @Test
    void getTablesRowValues() throws Exception {
        ResultSet rs = md.getTables(null, null, "Daily%", null);
        assertEquals(List.of(java.util.Arrays.asList(null, "sooperwizer", "Daily Line Output", "TABLE",
                "Output per line and day", null, null, null, null, null)), rows(rs));
        assertNull(md.getTables(null, null, null, null).getStatement());
    }

    @Test
    void getColumnsReadsOnlyMatchingTables() throws Exception {
        ResultSet rs = md.getColumns(null, "sooperwizer", "LINE\\_OUTPUT", null);
        assertEquals(List.of("LineId", "LineName", "Output", "Efficiency", "Rate", "Active", "Day", "UpdatedAt",
                "Shift", "Note"), column(rs, "COLUMN_NAME"));
        assertEquals(List.of("LINE_OUTPUT"), source.probed);

        source.probed.clear();
        assertEquals(List.of("Output", "Output", "Output"), column(md.getColumns(null, null, null, "Output"),
                "COLUMN_NAME"));
        assertEquals(List.of("Daily Line Output", "LINEXOUTPUT", "LINE_OUTPUT"), source.probed);

        source.probed.clear();
        assertEquals(List.of(), column(md.getColumns("cat", null, null, null), "COLUMN_NAME"));
        assertEquals(List.of(), column(md.getColumns(null, "other", null, null), "COLUMN_NAME"));
        assertEquals(List.of(), source.probed, "wrong catalog or schema reads nothing");
    }

    @Test
    void getColumnsKeepsOrdinalPositionsWhenFiltering() throws Exception {
        ResultSet rs = md.getColumns(null, null, "LINE\\_OUTPUT", "%e%");
        List<String> names = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString("COLUMN_NAME"));
            ordinals.add(rs.getInt("ORDINAL_POSITION"));
        }
        assertEquals(List.of("LineId", "LineName", "Efficiency", "Rate", "Active", "UpdatedAt", "Note"), names);
        assertEquals(List.of(1, 2, 4, 5, 6, 8, 10), ordinals);
        assertEquals(List.of("Rate"), column(md.getColumns(null, null, "LINE\\_OUTPUT", "RATE"), "COLUMN_NAME"),
                "case-insensitive fallback for column names");
    }

    @Test
    void getColumnsPropagatesSourceFailures() {
        source.failColumns = true;
        SQLException e = assertThrows(SQLException.class, () -> md.getColumns(null, null, "Daily%", null));
        assertEquals("08001", e.getSQLState());
    }

    /** Expected getColumns values for every column of LINE_OUTPUT, in the 24 standard columns. */
    @Test
    void getColumnsValuesPerType() throws Exception {
        List<List<Object>> rows = rows(md.getColumns(null, null, "LINE\\_OUTPUT", null));
        assertEquals(10, rows.size());
        for (List<Object> row : rows) {
            assertEquals(24, row.size());
            assertNull(row.get(0), "TABLE_CAT");
            assertEquals("sooperwizer", row.get(1));
            assertEquals("LINE_OUTPUT", row.get(2));
            assertNull(row.get(7), "BUFFER_LENGTH");
            assertNull(row.get(12), "COLUMN_DEF");
            assertNull(row.get(13), "SQL_DATA_TYPE");
            assertNull(row.get(14), "SQL_DATETIME_SUB");
            assertEquals(java.util.Arrays.asList(null, null, null, null, "NO", "NO"), row.subList(18, 24));
        }
        // COLUMN_NAME, DATA_TYPE, TYPE_NAME, COLUMN_SIZE, (BUFFER_LENGTH), DECIMAL_DIGITS, NUM_PREC_RADIX,
        // NULLABLE, REMARKS, ..., CHAR_OCTET_LENGTH, ORDINAL_POSITION, IS_NULLABLE
        Object[][] expected = {
            {"LineId", Types.INTEGER, "INTEGER", 10, 0, 10, DatabaseMetaData.columnNoNulls, "Line number", null, 1, "NO"},
            {"LineName", Types.VARCHAR, "VARCHAR", 100, null, null, DatabaseMetaData.columnNullable, null, 100, 2, "YES"},
            {"Output", Types.BIGINT, "BIGINT", 19, 0, 10, DatabaseMetaData.columnNullable, null, null, 3, "YES"},
            {"Efficiency", Types.DECIMAL, "DECIMAL", 10, 2, 10, DatabaseMetaData.columnNullable, null, null, 4, "YES"},
            {"Rate", Types.DOUBLE, "DOUBLE", 15, null, 10, DatabaseMetaData.columnNullable, null, null, 5, "YES"},
            {"Active", Types.BOOLEAN, "BOOLEAN", 1, null, null, DatabaseMetaData.columnNullable, null, null, 6, "YES"},
            {"Day", Types.DATE, "DATE", 10, null, null, DatabaseMetaData.columnNoNulls, null, null, 7, "NO"},
            {"UpdatedAt", Types.TIMESTAMP, "TIMESTAMP", 23, 3, null, DatabaseMetaData.columnNullable, null, null, 8,
                "YES"},
            {"Shift", Types.CHAR, "CHAR", 1, null, null, DatabaseMetaData.columnNullable, null, 1, 9, "YES"},
            {"Note", Types.VARCHAR, "VARCHAR", null, null, null, DatabaseMetaData.columnNullable, null, null, 10,
                "YES"},
        };
        for (int i = 0; i < expected.length; i++) {
            List<Object> row = rows.get(i);
            List<Object> actual = java.util.Arrays.asList(row.get(3), row.get(4), row.get(5), row.get(6), row.get(8),
                    row.get(9), row.get(10), row.get(11), row.get(15), row.get(16), row.get(17));
            assertEquals(java.util.Arrays.asList(expected[i]), actual, "column " + expected[i][0]);
        }
    }

    @Test
    void getColumnsTypedGetters() throws Exception {
        ResultSet rs = md.getColumns(null, null, "LINE\\_OUTPUT", "Efficiency");
        assertTrue(rs.next());
        assertEquals(Types.DECIMAL, rs.getInt("DATA_TYPE"));
        assertEquals(10, rs.getInt("COLUMN_SIZE"));
        assertEquals(2, rs.getShort("DECIMAL_DIGITS"));
        assertEquals(0, rs.getShort("SOURCE_DATA_TYPE"));
        assertTrue(rs.wasNull());
        assertFalse(rs.next());
        ResultSetMetaData meta = rs.getMetaData();
        assertEquals(Types.INTEGER, meta.getColumnType(5));
        assertEquals(Types.SMALLINT, meta.getColumnType(22));
    }

    @Test
    void getSchemasCatalogsAndTableTypes() throws Exception {
        assertEquals(List.of(java.util.Arrays.asList("sooperwizer", null)), rows(md.getSchemas()));
        assertEquals(List.of(java.util.Arrays.asList("sooperwizer", null)), rows(md.getSchemas(null, "SOOPER%")));
        assertEquals(List.of(java.util.Arrays.asList("sooperwizer", null)), rows(md.getSchemas("", "sooperwizer")));
        assertEquals(List.of(), rows(md.getSchemas("x", null)));
        assertEquals(List.of(), rows(md.getSchemas(null, "sooper\\_%")));
        assertEquals(List.of(), rows(md.getCatalogs()));
        assertEquals(List.of(List.of("TABLE")), rows(md.getTableTypes()));
    }

    @Test
    void getTypeInfoRows() throws Exception {
        ResultSet rs = md.getTypeInfo();
        List<String> names = new ArrayList<>();
        List<Integer> dataTypes = new ArrayList<>();
        while (rs.next()) {
            String name = rs.getString("TYPE_NAME");
            names.add(name);
            dataTypes.add(rs.getInt("DATA_TYPE"));
            assertEquals(name, rs.getString("LOCAL_TYPE_NAME"));
            assertEquals(DatabaseMetaData.typeNullable, rs.getShort("NULLABLE"));
            assertFalse(rs.getBoolean("AUTO_INCREMENT"));
            assertFalse(rs.getBoolean("UNSIGNED_ATTRIBUTE"));
            boolean text = name.equals("VARCHAR") || name.equals("CHAR");
            assertEquals(text, rs.getBoolean("CASE_SENSITIVE"), name);
            assertEquals(text ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic,
                    rs.getShort("SEARCHABLE"), name);
            switch (name) {
                case "VARCHAR", "CHAR" -> {
                    assertEquals("'", rs.getString("LITERAL_PREFIX"));
                    assertEquals("'", rs.getString("LITERAL_SUFFIX"));
                    assertEquals(65536, rs.getInt("PRECISION"));
                    assertEquals("length", rs.getString("CREATE_PARAMS"));
                }
                case "DECIMAL" -> {
                    assertEquals(38, rs.getInt("PRECISION"));
                    assertEquals(38, rs.getShort("MAXIMUM_SCALE"));
                    assertEquals(10, rs.getInt("NUM_PREC_RADIX"));
                }
                case "BIGINT" -> assertEquals(19, rs.getInt("PRECISION"));
                case "INTEGER" -> assertEquals(10, rs.getInt("PRECISION"));
                case "DOUBLE" -> assertEquals(15, rs.getInt("PRECISION"));
                case "DATE" -> {
                    assertEquals("DATE '", rs.getString("LITERAL_PREFIX"));
                    assertEquals(10, rs.getInt("PRECISION"));
                    rs.getInt("NUM_PREC_RADIX");
                    assertTrue(rs.wasNull());
                }
                case "TIMESTAMP" -> {
                    assertEquals("TIMESTAMP '", rs.getString("LITERAL_PREFIX"));
                    assertEquals("'", rs.getString("LITERAL_SUFFIX"));
                    assertEquals(23, rs.getInt("PRECISION"));
                    assertEquals(3, rs.getShort("MAXIMUM_SCALE"));
                }
                case "BOOLEAN" -> assertNull(rs.getString("LITERAL_PREFIX"));
                default -> {
                }
            }
        }
        assertEquals(List.of("TINYINT", "BIGINT", "CHAR", "DECIMAL", "INTEGER", "SMALLINT", "REAL", "DOUBLE",
                "VARCHAR", "BOOLEAN", "DATE", "TIME", "TIMESTAMP"), names);
        List<Integer> sorted = new ArrayList<>(dataTypes);
        sorted.sort(null);
        assertEquals(sorted, dataTypes, "ordered by DATA_TYPE");
    }

    @Test
    void getClientInfoPropertiesListsTheStandardNames() throws Exception {
        ResultSet rs = md.getClientInfoProperties();
        assertEquals(List.of("ApplicationName", "ClientHostname", "ClientUser"), column(rs, "NAME"));
        rs = md.getClientInfoProperties();
        assertTrue(rs.next());
        assertEquals(255, rs.getInt("MAX_LEN"));
        assertFalse(rs.getString("DESCRIPTION").isEmpty());
    }

    @Test
    void identityAndCapabilities() throws Exception {
        assertEquals("ReportSQL", md.getDatabaseProductName());
        assertEquals("0.1.0", md.getDatabaseProductVersion());
        assertEquals("ReportSQL JDBC", md.getDriverName());
        assertEquals("0.1.0-SNAPSHOT", md.getDriverVersion());
        assertEquals(0, md.getDriverMajorVersion());
        assertEquals(1, md.getDriverMinorVersion());
        assertEquals(0, md.getDatabaseMajorVersion());
        assertEquals(1, md.getDatabaseMinorVersion());
        assertEquals("jdbc:reportsql:sooperwizer://demo", md.getURL());
        assertEquals("demo", md.getUserName());
        assertSame(connection, md.getConnection());
        assertEquals(4, md.getJDBCMajorVersion());
        assertEquals(2, md.getJDBCMinorVersion());
        assertEquals("\"", md.getIdentifierQuoteString());
        assertEquals("\\", md.getSearchStringEscape());
        assertEquals("", md.getExtraNameCharacters());
        assertEquals("catalog", md.getCatalogTerm());
        assertEquals("schema", md.getSchemaTerm());
        assertEquals("procedure", md.getProcedureTerm());
        assertTrue(md.isReadOnly());
        assertFalse(md.supportsTransactions());
        assertEquals(Connection.TRANSACTION_NONE, md.getDefaultTransactionIsolation());
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
        assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
        assertFalse(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
        assertFalse(md.supportsBatchUpdates());
        assertFalse(md.supportsGetGeneratedKeys());
        assertFalse(md.supportsMultipleResultSets());
        assertTrue(md.supportsSchemasInDataManipulation());
        assertTrue(md.supportsSchemasInTableDefinitions());
        assertFalse(md.supportsCatalogsInDataManipulation());
        assertTrue(md.supportsFullOuterJoins());
        assertTrue(md.supportsCorrelatedSubqueries());
        assertTrue(md.supportsUnionAll());
        assertTrue(md.supportsLikeEscapeClause());
        assertFalse(md.supportsMixedCaseIdentifiers());
        assertTrue(md.storesMixedCaseIdentifiers());
        assertFalse(md.supportsMixedCaseQuotedIdentifiers());
        assertTrue(md.storesMixedCaseQuotedIdentifiers());
        assertTrue(md.nullsAreSortedHigh());
        assertFalse(md.nullsAreSortedLow() || md.nullsAreSortedAtStart() || md.nullsAreSortedAtEnd());
        assertEquals(0, md.getMaxRowSize());
        assertFalse(md.supportsStoredProcedures());
        assertEquals(java.sql.RowIdLifetime.ROWID_UNSUPPORTED, md.getRowIdLifetime());
        assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, md.getResultSetHoldability());
        assertEquals(DatabaseMetaData.sqlStateSQL, md.getSQLStateType());
        assertFalse(md.supportsConvert());
        assertTrue(md.supportsANSI92EntryLevelSQL());
        assertTrue(md.allTablesAreSelectable());
        assertFalse(md.allProceduresAreCallable());
        assertSame(md, md.unwrap(DatabaseMetaData.class));
    }

    @Test
    void closedConnectionIs08003ForResultSetMethods() {
        connectionClosed = true;
        assertEquals("08003", assertThrows(SQLException.class, () -> md.getTables(null, null, null, null))
                .getSQLState());
        assertEquals("08003", assertThrows(SQLException.class, () -> md.getPrimaryKeys(null, null, "x"))
                .getSQLState());
    }
}
