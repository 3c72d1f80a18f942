package dev.reportsql.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * The shell's {@code \d}: tables and columns as {@link DatabaseMetaData} lists them. A column's
 * report filter (single value or list, required or optional) is read from its REMARKS, where the
 * driver states it (docs/sql.md).
 */
final class Describe {
    private static final Pattern FILTER = Pattern.compile("Filter: ([^.;]+)");

    private Describe() {
    }

    /** The report tables; the system tables ({@code sys}, {@code information_schema}) are left out, as psql does. */
    static void tables(Connection c, PrintStream out) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (Table t : tables(c.getMetaData(), new String[] {"TABLE"})) {
            rows.add(new String[] {t.name(), t.remarks() == null ? "" : t.remarks()});
        }
        ResultPrinter.render(new String[] {"table", "description"}, new boolean[2], rows, out);
        out.println(ResultPrinter.count(rows.size(), "table"));
    }

    static void columns(Connection c, String name, PrintStream out) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Table table = find(tables(md, null), name);
        List<String[]> rows = new ArrayList<>();
        String escape = md.getSearchStringEscape();
        String pattern = escape == null ? table.name() : table.name().replace(escape, escape + escape)
                .replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet rs = md.getColumns(null, table.schema(), pattern, "%")) {
            while (rs.next()) {
                String remarks = rs.getString("REMARKS");
                Matcher filter = FILTER.matcher(remarks == null ? "" : remarks);
                rows.add(new String[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                    "YES".equals(rs.getString("IS_NULLABLE")) ? "yes" : "no", filter.find() ? filter.group(1) : ""});
            }
        }
        out.println("Table " + table.name() + (table.remarks() == null ? "" : " (" + table.remarks() + ")"));
        ResultPrinter.render(new String[] {"column", "type", "nullable", "filter"}, new boolean[4], rows, out);
        out.println(ResultPrinter.count(rows.size(), "column"));
    }

    private record Table(String schema, String name, String remarks) {
    }

    private static List<Table> tables(DatabaseMetaData md, String[] types) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, null, "%", types)) {
            while (rs.next()) {
                tables.add(new Table(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"), rs.getString("REMARKS")));
            }
        }
        return tables;
    }

    /** The table of that name, else the one whose name matches ignoring case. */
    private static Table find(List<Table> tables, String name) throws SQLException {
        String wanted = name.endsWith(";") ? name.substring(0, name.length() - 1).strip() : name;
        String unquoted = wanted.length() > 1 && wanted.startsWith("\"") && wanted.endsWith("\"")
                ? wanted.substring(1, wanted.length() - 1) : wanted;
        List<Table> loose = new ArrayList<>();
        for (Table t : tables) {
            if ((t.schema() + "." + t.name()).equals(unquoted)) {
                return t; // sys.requests, information_schema.columns
            }
        }
        for (Table t : tables) {
            if (t.name().equals(unquoted)) {
                return t;
            }
            if (t.name().toLowerCase(Locale.ROOT).equals(unquoted.toLowerCase(Locale.ROOT))) {
                loose.add(t);
            }
        }
        if (loose.size() == 1) {
            return loose.get(0);
        }
        throw Errors.sql(SqlState.UNDEFINED_TABLE, "No table '" + unquoted + "'" + (loose.isEmpty() ? "" : " (several differ only in case; "
                + "quote the exact name)") + ": \\d lists the tables");
    }
}
