/**
 * Connection settings: the one typed property enum ({@link dev.reportsql.config.ConnectionProperty})
 * that URLs, {@link java.util.Properties} and the DataSource setters all map to, and the parsed,
 * validated {@link dev.reportsql.config.ConnectionConfig} a connection is built from.
 * May import: {@code error}, {@code observe}, the JDK.
 */
package dev.reportsql.config;
