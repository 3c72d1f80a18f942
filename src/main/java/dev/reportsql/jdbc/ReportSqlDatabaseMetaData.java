package dev.reportsql.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The driver's {@link DatabaseMetaData}: one schema of report tables, no catalogs, the SQL of
 * Calcite's default parser, read-only.
 *
 * <p><b>Name patterns.</b> Schema, table and column patterns are JDBC LIKE patterns ({@code %},
 * {@code _}, escape {@code \}); {@code null} matches everything. Names match case-sensitively
 * first; when that finds nothing, they match ignoring case, because SQL identifiers here are
 * case-insensitive and tools often upper-case them (so {@code SOOPERWIZER} finds schema
 * {@code sooperwizer}). A schema pattern of {@code ""} (objects without a schema) matches nothing.
 * A catalog of {@code null} or {@code ""} matches (there are no catalogs; TABLE_CAT is null); any
 * other catalog gives an empty answer. The only table type is {@code TABLE}; an empty types array is
 * treated like {@code null}.
 */
public class ReportSqlDatabaseMetaData extends AbstractReadOnlyDatabaseMetaData {
    /** The one table type. */
    public static final String TABLE_TYPE = "TABLE";

    private final Connection owner;
    private final MetadataSource source;
    private final DriverIdentity identity;
    private final String url;
    private final String userName;

    /**
     * @param owner    the connection {@link #getConnection()} returns
     * @param source   where tables and columns come from
     * @param identity product and driver names and versions
     * @param url      the connection URL with any secret removed
     * @param userName the user name to report, or {@code null}
     */
    public ReportSqlDatabaseMetaData(Connection owner, MetadataSource source, DriverIdentity identity, String url,
            String userName) {
        this.owner = owner;
        this.source = Objects.requireNonNull(source, "source");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.url = url;
        this.userName = userName;
    }

    // ---- identity ---------------------------------------------------------------------------------------

    @Override public Connection getConnection() { return owner; }
    @Override public String getURL() { return url; }
    @Override public String getUserName() { return userName; }
    @Override public String getDatabaseProductName() { return identity.productName(); }
    @Override public String getDatabaseProductVersion() { return identity.productVersion(); }
    @Override public int getDatabaseMajorVersion() { return identity.majorVersion(); }
    @Override public int getDatabaseMinorVersion() { return identity.minorVersion(); }
    @Override public String getDriverName() { return identity.driverName(); }
    @Override public String getDriverVersion() { return identity.driverVersion(); }
    @Override public int getDriverMajorVersion() { return identity.majorVersion(); }
    @Override public int getDriverMinorVersion() { return identity.minorVersion(); }
    @Override public int getJDBCMajorVersion() { return 4; }
    @Override public int getJDBCMinorVersion() { return 2; }

    // ---- names and identifiers ------------------------------------------------------------------------

    @Override public String getCatalogTerm() { return "catalog"; }
    @Override public String getSchemaTerm() { return "schema"; }
    @Override public String getProcedureTerm() { return "procedure"; }
    @Override public boolean isCatalogAtStart() { return true; }
    @Override public String getCatalogSeparator() { return "."; }
    @Override public String getIdentifierQuoteString() { return "\""; }
    @Override public String getSearchStringEscape() { return String.valueOf(LikePattern.ESCAPE); }
    @Override public String getExtraNameCharacters() { return ""; }
    /** Identifiers are matched ignoring case and kept as written, quoted or not. */
    @Override public boolean supportsMixedCaseIdentifiers() { return false; }
    @Override public boolean storesUpperCaseIdentifiers() { return false; }
    @Override public boolean storesLowerCaseIdentifiers() { return false; }
    @Override public boolean storesMixedCaseIdentifiers() { return true; }
    @Override public boolean supportsMixedCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesMixedCaseQuotedIdentifiers() { return true; }
    @Override public boolean supportsSchemasInDataManipulation() { return true; }
    @Override public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override public boolean supportsSchemasInProcedureCalls() { return false; }
    @Override public boolean supportsSchemasInIndexDefinitions() { return false; }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }

    // ---- the SQL dialect (Calcite) ------------------------------------------------------------------------

    @Override public String getSQLKeywords() { return CalciteDialect.sqlKeywords(); }
    @Override public String getNumericFunctions() { return CalciteDialect.NUMERIC_FUNCTIONS; }
    @Override public String getStringFunctions() { return CalciteDialect.STRING_FUNCTIONS; }
    @Override public String getTimeDateFunctions() { return CalciteDialect.TIME_DATE_FUNCTIONS; }
    @Override public String getSystemFunctions() { return CalciteDialect.SYSTEM_FUNCTIONS; }
    /** Calcite's default null collation is HIGH: nulls last ascending, first descending. */
    @Override public boolean nullsAreSortedHigh() { return true; }
    @Override public boolean nullsAreSortedLow() { return false; }
    @Override public boolean nullsAreSortedAtStart() { return false; }
    @Override public boolean nullsAreSortedAtEnd() { return false; }
    @Override public boolean nullPlusNonNullIsNull() { return true; }
    @Override public boolean allTablesAreSelectable() { return true; }
    @Override public boolean supportsColumnAliasing() { return true; }
    @Override public boolean supportsConvert() { return false; }
    @Override public boolean supportsConvert(int fromType, int toType) { return false; }
    @Override public boolean supportsTableCorrelationNames() { return true; }
    @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override public boolean supportsExpressionsInOrderBy() { return true; }
    @Override public boolean supportsOrderByUnrelated() { return true; }
    @Override public boolean supportsGroupBy() { return true; }
    @Override public boolean supportsGroupByUnrelated() { return true; }
    @Override public boolean supportsGroupByBeyondSelect() { return true; }
    @Override public boolean supportsLikeEscapeClause() { return true; }
    @Override public boolean supportsNonNullableColumns() { return true; }
    @Override public boolean supportsMinimumSQLGrammar() { return true; }
    /** The ODBC core grammar includes CREATE/INSERT/UPDATE/DELETE, which a read-only driver lacks. */
    @Override public boolean supportsCoreSQLGrammar() { return false; }
    @Override public boolean supportsExtendedSQLGrammar() { return false; }
    @Override public boolean supportsANSI92EntryLevelSQL() { return true; }
    @Override public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override public boolean supportsANSI92FullSQL() { return false; }
    @Override public boolean supportsOuterJoins() { return true; }
    @Override public boolean supportsFullOuterJoins() { return true; }
    @Override public boolean supportsLimitedOuterJoins() { return true; }
    @Override public boolean supportsSubqueriesInComparisons() { return true; }
    @Override public boolean supportsSubqueriesInExists() { return true; }
    @Override public boolean supportsSubqueriesInIns() { return true; }
    @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
    @Override public boolean supportsCorrelatedSubqueries() { return true; }
    @Override public boolean supportsUnion() { return true; }
    @Override public boolean supportsUnionAll() { return true; }

    // ---- schemas, tables, columns ---------------------------------------------------------------------

    private static boolean catalogMatches(String catalog) {
        return catalog == null || catalog.isEmpty();
    }

    /** The schemas whose names match the pattern: the report schema and the system schemas. */
    private List<String> matchingSchemas(String schemaPattern) {
        if ("".equals(schemaPattern)) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        all.add(source.schemaName());
        all.addAll(source.systemSchemas());
        return LikePattern.compile(schemaPattern).filter(all, s -> s);
    }

    private static boolean typesInclude(String[] types, String tableType) {
        if (types == null || types.length == 0) {
            return true;
        }
        for (String type : types) {
            if (type != null && tableType.equals(type.trim().toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables of the matching schemas whose names match the pattern, ordered as getTables must be:
     * by type, then schema, then name. System tables are listed only when a schema pattern selects
     * them, or when none is given.
     */
    private List<TableMeta> matchingTables(String schemaPattern, String tableNamePattern) throws SQLException {
        List<String> schemas = matchingSchemas(schemaPattern);
        List<TableMeta> candidates = new ArrayList<>();
        if (schemas.contains(source.schemaName())) {
            candidates.addAll(source.tables());
        }
        for (TableMeta t : source.systemTables()) {
            if (schemas.contains(t.schema())) {
                candidates.add(t);
            }
        }
        List<TableMeta> tables = new ArrayList<>(LikePattern.compile(tableNamePattern).filter(candidates, TableMeta::name));
        tables.sort(Comparator.comparing(TableMeta::type).thenComparing(this::schemaOf).thenComparing(TableMeta::name));
        return tables;
    }

    private String schemaOf(TableMeta table) {
        return table.schema() != null ? table.schema() : source.schemaName();
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        checkOpen();
        List<Object[]> rows = new ArrayList<>();
        if (catalogMatches(catalog)) {
            List<String> schemas = new ArrayList<>(matchingSchemas(schemaPattern));
            schemas.sort(Comparator.naturalOrder());
            schemas.forEach(s -> rows.add(new Object[] {s, null}));
        }
        return new ListResultSet(null, MetadataColumns.SCHEMAS, rows);
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return empty(MetadataColumns.CATALOGS);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        checkOpen();
        List<Object[]> rows = new ArrayList<>();
        if (!source.systemSchemas().isEmpty()) {
            rows.add(new Object[] {TableMeta.SYSTEM_TABLE});
        }
        rows.add(new Object[] {TABLE_TYPE});
        return new ListResultSet(null, MetadataColumns.TABLE_TYPES, rows);
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        checkOpen();
        List<Object[]> rows = new ArrayList<>();
        if (catalogMatches(catalog)) {
            for (TableMeta table : matchingTables(schemaPattern, tableNamePattern)) {
                if (typesInclude(types, table.type())) {
                    rows.add(new Object[] {null, schemaOf(table), table.name(), table.type(), table.remarks(),
                        null, null, null, null, null});
                }
            }
        }
        return new ListResultSet(null, MetadataColumns.TABLES, rows);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        checkOpen();
        List<Object[]> rows = new ArrayList<>();
        if (catalogMatches(catalog)) {
            LikePattern columnPattern = LikePattern.compile(columnNamePattern);
            List<TableMeta> tables = matchingTables(schemaPattern, tableNamePattern);
            // getColumns is ordered by schema, table and position, not by table type
            tables.sort(Comparator.comparing(this::schemaOf).thenComparing(TableMeta::name));
            for (TableMeta table : tables) {
                List<ColumnMeta> columns = source.columns(table);
                Set<ColumnMeta> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
                wanted.addAll(columnPattern.filter(columns, ColumnMeta::name));
                for (int i = 0; i < columns.size(); i++) {
                    if (wanted.contains(columns.get(i))) {
                        rows.add(columnRow(table, columns.get(i), i + 1));
                    }
                }
            }
        }
        return new ListResultSet(null, MetadataColumns.COLUMNS, rows);
    }

    private Object[] columnRow(TableMeta table, ColumnMeta c, int ordinal) {
        int type = c.jdbcType();
        Integer size = SupportedTypes.columnSize(type, c.columnSize(), c.decimalDigits());
        return new Object[] {
            null, schemaOf(table), table.name(), c.name(),
            type, c.typeName(), size, null, SupportedTypes.decimalDigits(type, c.decimalDigits()),
            SupportedTypes.numPrecRadix(type),
            c.nullable() ? columnNullable : columnNoNulls, c.remarks(), null,
            null, null, // SQL_DATA_TYPE, SQL_DATETIME_SUB: unused
            SupportedTypes.isText(type) ? size : null,
            ordinal, c.nullable() ? "YES" : "NO",
            null, null, null, null, // SCOPE_*, SOURCE_DATA_TYPE: no REF or DISTINCT types
            "NO", "NO"};
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        checkOpen();
        return new ListResultSet(null, MetadataColumns.TYPE_INFO, SupportedTypes.typeInfoRows());
    }

    /** The client info properties a connection accepts, ordered by name. */
    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        checkOpen();
        List<Object[]> rows = List.of(
                new Object[] {"ApplicationName", 255, null, "Name of the application using the connection"},
                new Object[] {"ClientHostname", 255, null, "Host name of the computer the application runs on"},
                new Object[] {"ClientUser", 255, null, "Name of the user the application acts for, if not the "
                        + "connection's user"});
        return new ListResultSet(null, MetadataColumns.CLIENT_INFO_PROPERTIES, rows);
    }
}
