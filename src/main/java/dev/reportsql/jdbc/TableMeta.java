package dev.reportsql.jdbc;

/**
 * A report table as {@link java.sql.DatabaseMetaData#getTables} shows it.
 *
 * @param name    the table name, as SQL refers to it
 * @param remarks a description for tools to show, or {@code null}
 */
public record TableMeta(String name, String remarks) {
}
