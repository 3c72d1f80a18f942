package dev.reportsql.jdbc;

/**
 * A table as {@link java.sql.DatabaseMetaData#getTables} shows it.
 *
 * @param schema  its schema, or {@code null} for the connection's report schema
 * @param name    the table name, as SQL refers to it
 * @param type    {@code TABLE} for reports, {@code SYSTEM TABLE} for {@code sys} and {@code information_schema}
 * @param remarks a description for tools to show, or {@code null}
 */
public record TableMeta(String schema, String name, String type, String remarks) {
    public static final String TABLE = "TABLE";
    public static final String SYSTEM_TABLE = "SYSTEM TABLE";

    /** A report table of the connection's report schema. */
    public TableMeta(String name, String remarks) {
        this(null, name, TABLE, remarks);
    }
}
