/**
 * The Sooperwizer Reverse Integration API's client side: the report catalog
 * ({@code GET /report/get-integrations}), data calls ({@code POST /report/get-data}) with their
 * error bodies translated into SQLStates, and the connector that opens a session for a
 * {@code jdbc:sooperwizer:} URL (the demo sandbox for {@code :demo}). Its tables, scans and
 * pushdown are in {@code sooperwizer.sql}.
 * May import: {@code auth}, {@code http}, {@code config}, {@code error}, {@code observe}, {@code sql},
 * {@code types}, OkHttp, Jackson; the sandbox only to start the demo server.
 */
package dev.reportsql.sooperwizer;
