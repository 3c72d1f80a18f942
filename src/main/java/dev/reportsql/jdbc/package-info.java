/**
 * The JDBC layer: driver, connection, statements, result sets and database metadata. It turns
 * the engine's cursors into {@code java.sql} answers (every getter conversion of JDBC 4.3 table B-6,
 * warnings, timeouts, cancel) and keeps the plans of plain and prepared statements.
 * May import: {@code sql}, {@code config}, {@code error}, {@code observe}, {@code types}, the adapter
 * connectors (to open a session for the URL's API), and Calcite/Avatica for the cursors it reads.
 */
package dev.reportsql.jdbc;
