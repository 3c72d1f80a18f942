/**
 * The schemas every connection has besides its reports: {@code sys} (reports, their filters, and
 * the connection's own recent statements and API calls) and {@code information_schema} (the
 * standard views generic SQL clients query). Both are read-only tables computed when scanned; they
 * never make an API call. May import the engine ({@code dev.reportsql.sql}), the connection's
 * records ({@code dev.reportsql.observe}) and Calcite.
 */
package dev.reportsql.sql.system;
