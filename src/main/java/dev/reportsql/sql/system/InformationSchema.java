package dev.reportsql.sql.system;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;

import dev.reportsql.sql.ReportTypeSystem;
import dev.reportsql.sql.SessionSchema;
import dev.reportsql.sql.system.RowsTable.Column;
import dev.reportsql.types.ColumnDef;

/**
 * Schema {@code information_schema} with the views and column names PostgreSQL, Trino and H2
 * share ({@code schemata}, {@code tables}, {@code columns}), so generic SQL clients can list the
 * catalog with SQL. It never reaches the network: the columns of a report are those already known
 * (from an earlier query or the schema cache); a report whose columns are not known yet lists only
 * what is certain, and its {@code tables.remarks} says so.
 */
public final class InformationSchema extends SystemSchema {
    public static final String NAME = "information_schema";
    static final String NOT_YET_KNOWN = "Columns not known yet: they are learned from the report's first rows "
            + "(query the table, or call DatabaseMetaData.getColumns)";

    private static final List<Column> SCHEMATA = List.of(new Column("catalog_name", String.class),
            new Column("schema_name", String.class), new Column("schema_owner", String.class));
    private static final List<Column> TABLES = List.of(new Column("table_catalog", String.class),
            new Column("table_schema", String.class), new Column("table_name", String.class),
            new Column("table_type", String.class), new Column("remarks", String.class));
    private static final List<Column> COLUMNS = List.of(new Column("table_catalog", String.class),
            new Column("table_schema", String.class), new Column("table_name", String.class),
            new Column("column_name", String.class), new Column("ordinal_position", Integer.class),
            new Column("data_type", String.class), new Column("is_nullable", String.class),
            new Column("numeric_scale", Integer.class), new Column("remarks", String.class));

    private final SessionSchema reports;
    private final String reportSchema;
    private final Map<String, Map<String, Table>> systemSchemas = new TreeMap<>();

    /**
     * @param reports      the API's tables, in schema {@code reportSchema}
     * @param sys          the connection's {@code sys} schema
     */
    public InformationSchema(SessionSchema reports, String reportSchema, SysSchema sys) {
        super(NAME);
        this.reports = reports;
        this.reportSchema = reportSchema;
        systemSchemas.put(SysSchema.NAME, sys.tablesByName());
        systemSchemas.put(NAME, tables);
        tables.put("schemata", new RowsTable(SCHEMATA, this::schemata));
        tables.put("tables", new RowsTable(TABLES, this::tableRows));
        tables.put("columns", new RowsTable(COLUMNS, this::columnRows));
    }

    private List<Object[]> schemata() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {null, reportSchema, null});
        systemSchemas.keySet().forEach(s -> rows.add(new Object[] {null, s, null}));
        return rows;
    }

    private List<Object[]> tableRows() {
        List<Object[]> rows = new ArrayList<>();
        for (SessionSchema.TableInfo t : reports.metadataTables()) {
            String remarks = t.remarks();
            try {
                if (reports.knownColumns(t.name()) == null) {
                    remarks = remarks == null || remarks.isBlank() ? NOT_YET_KNOWN : remarks + ". " + NOT_YET_KNOWN;
                }
            } catch (SQLException e) {
                remarks = NOT_YET_KNOWN;
            }
            rows.add(new Object[] {null, reportSchema, t.name(), "TABLE", remarks});
        }
        systemSchemas.forEach((schema, byName) -> byName.keySet().forEach(
                name -> rows.add(new Object[] {null, schema, name, "SYSTEM TABLE", null})));
        return rows;
    }

    private List<Object[]> columnRows() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (SessionSchema.TableInfo t : reports.metadataTables()) {
            List<SessionSchema.ColumnInfo> columns = reports.knownColumns(t.name());
            if (columns == null) {
                filterColumns(t.name(), rows);
                continue;
            }
            int position = 1;
            for (SessionSchema.ColumnInfo c : columns) {
                ColumnDef d = c.column();
                rows.add(new Object[] {null, reportSchema, t.name(), d.name(), position++, d.type().name(), "YES",
                    scale(d), c.remarks()});
            }
        }
        JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(ReportTypeSystem.INSTANCE);
        for (Map.Entry<String, Map<String, Table>> s : systemSchemas.entrySet()) {
            for (Map.Entry<String, Table> table : s.getValue().entrySet()) {
                String name = table.getKey();
                int position = 1;
                for (RelDataTypeField f : table.getValue().getRowType(types).getFieldList()) {
                    rows.add(new Object[] {null, s.getKey(), name, f.getName(), position++,
                        f.getType().getSqlTypeName().getName(), "YES", null, null});
                }
            }
        }
        return rows;
    }

    /** What is certain about a report whose rows were never seen: its filters are VARCHAR columns. */
    private void filterColumns(String table, List<Object[]> rows) {
        int position = 1;
        for (SessionSchema.FilterInfo f : reports.filters()) {
            if (f.tableName().equals(table)) {
                rows.add(new Object[] {null, reportSchema, table, f.filterName(), position++, "VARCHAR", "YES", null,
                    "Filter of the report; " + NOT_YET_KNOWN});
            }
        }
    }

    private static Integer scale(ColumnDef d) {
        return switch (d.type()) {
            case DECIMAL -> d.scale();
            case BIGINT -> 0;
            default -> null;
        };
    }
}
