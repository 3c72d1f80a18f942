/**
 * The command line ({@code java -jar reportsql-jdbc.jar}): one-shot SQL from arguments, files or stdin
 * in table, CSV or JSON, and the interactive JLine shell. It is a plain JDBC client of the driver:
 * it goes through {@link java.sql.DriverManager} like any user.
 * May import: {@code error}, {@code http} (traffic counts for the progress line), JLine, Jackson.
 */
package dev.reportsql.cli;
