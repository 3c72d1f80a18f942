package dev.reportsql.sql;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Properties;

import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.ConcurrentStatementRegistry;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.sql.calcite.CalciteDefaults;

/**
 * One connection's SQL engine: an embedded Calcite connection whose default schema holds the
 * report tables, plus the discovery step that runs before Calcite plans. Identifiers are
 * case-insensitive and keep their case; quoting is with double quotes, as BI tools expect. Both
 * parse with {@link ReportSqlParser}, so words such as {@code value} or {@code year} are names.
 */
public final class QueryEngine implements AutoCloseable {
    static {
        CalciteDefaults.apply(); // for users of this class that did not load the driver first
    }

    private static final SqlParser.Config PARSER = ReportSqlParser.CONFIG;

    private final CalciteConnection calcite;
    private final SessionSchema schema;
    private final String schemaName;
    private final Object creationLock = new Object();

    private QueryEngine(CalciteConnection calcite, SessionSchema schema, String schemaName) {
        this.calcite = calcite;
        this.schema = schema;
        this.schemaName = schemaName;
    }

    /** Opens the Calcite connection and mounts the API's schema as its default schema. */
    public static QueryEngine open(SessionSchema schema, String schemaName) throws SQLException {
        return open(schema, schemaName, java.util.Map.of(), ConnectionProperty.FUN.defaultValue());
    }

    /**
     * As {@link #open(SessionSchema, String)}, with more schemas beside the API's (the system
     * schemas), each by its name. {@code fun} is the connection's {@code fun} property: the function
     * libraries SQL may call besides the standard ones.
     */
    public static QueryEngine open(SessionSchema schema, String schemaName,
            java.util.Map<String, org.apache.calcite.schema.Schema> more, String fun) throws SQLException {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.FUN.camelName(), FunctionLibraries.calciteFun(fun));
        // Planning parses as the driver's own parse before it does (ReportSqlParser.CONFIG). Case-sensitive
        // for Calcite; unquoted names match ignoring case through IdentifierMatcher.
        p.setProperty(CalciteConnectionProperty.QUOTING.camelName(), PARSER.quoting().name());
        p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), PARSER.quotedCasing().name());
        p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), PARSER.unquotedCasing().name());
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), String.valueOf(PARSER.caseSensitive()));
        p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), String.valueOf(PARSER.conformance()));
        p.setProperty(CalciteConnectionProperty.PARSER_FACTORY.camelName(), ReportSqlParser.class.getName() + "#FACTORY");
        p.setProperty(CalciteConnectionProperty.TYPE_SYSTEM.camelName(), ReportTypeSystem.class.getName() + "#INSTANCE");
        CalciteDefaults.check();
        Connection c = CalciteDriverHolder.DRIVER.connect("jdbc:calcite:", p);
        CalciteConnection calcite = c.unwrap(CalciteConnection.class);
        ConcurrentStatementRegistry.install(calcite);
        SchemaPlus root = calcite.getRootSchema();
        root.add(schemaName, schema.calciteSchema());
        more.forEach(root::add);
        calcite.setSchema(schemaName);
        return new QueryEngine(calcite, schema, schemaName);
    }

    /**
     * Calcite's driver registers itself with DriverManager when its class loads. Inside our jar it is
     * an implementation detail, so it is taken out again: a BI tool listing drivers must see only ours.
     * Its statements are prepared by {@link ReportPrepare} (the driver's planner rules and program).
     */
    private static final class CalciteDriverHolder {
        static final Driver DRIVER = new org.apache.calcite.jdbc.Driver().withPrepareFactory(ReportPrepare::new);

        static {
            for (Driver d : Collections.list(DriverManager.getDrivers())) {
                if (d instanceof org.apache.calcite.jdbc.Driver) {
                    try {
                        DriverManager.deregisterDriver(d);
                    } catch (SQLException e) {
                        // Leaving it registered is harmless: it only accepts jdbc:calcite: URLs.
                    }
                }
            }
        }
    }

    /**
     * A new Calcite statement. Creation is serialized: Avatica numbers a connection's statements
     * with a plain counter, so two threads creating statements at once could get the same number.
     */
    public java.sql.Statement createStatement() throws SQLException {
        synchronized (creationLock) {
            return calcite.createStatement();
        }
    }

    /** A Calcite prepared statement (planned now), created under the same lock as {@link #createStatement()}. */
    public java.sql.PreparedStatement prepareStatement(String sql) throws SQLException {
        synchronized (creationLock) {
            return calcite.prepareStatement(sql);
        }
    }

    /** What the connection's API exposes as SQL. */
    public SessionSchema schema() {
        return schema;
    }

    public String schemaName() {
        return schemaName;
    }

    /** See {@link SessionSchema#discover}. */
    public FailureExplainer discover(String sql, java.util.function.IntFunction<Object> params,
            ExecutionContext context) throws SQLException {
        return schema.discover(sql, PARSER, params, context);
    }

    /**
     * Statement kinds by SQL text. A plain statement asks twice per execution, and Babel's parser
     * made those two parses a sixth of a warm small query's CPU time (docs/sql.md, the parser).
     */
    private static final Cache<String, SqlKind> KINDS = Caffeine.newBuilder().maximumSize(256).build();

    /** The kind of statement, to refuse writes with a clear error before planning; null if unparsable. */
    public static SqlKind kindOf(String sql) {
        SqlKind known = KINDS.getIfPresent(sql);
        if (known != null) {
            return known;
        }
        try {
            SqlKind kind = SqlParser.create(sql, PARSER).parseStmt().getKind();
            KINDS.put(sql, kind);
            return kind;
        } catch (SqlParseException e) {
            return null;
        }
    }

    /** Checks the syntax only (used when a statement is prepared, so errors surface early). */
    public static void checkSyntax(String sql) throws SQLException {
        try {
            SqlParser.create(sql, PARSER).parseStmt();
        } catch (SqlParseException e) {
            throw CalciteErrors.translate(e);
        }
    }

    @Override
    public void close() throws SQLException {
        calcite.close();
    }
}
