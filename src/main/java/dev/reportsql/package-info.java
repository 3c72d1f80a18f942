/**
 * ReportSQL, a JDBC driver that answers SQL over report REST APIs. The layers, from the user down:
 * <ul>
 * <li>{@code jdbc} and {@code cli}: what users touch (the {@code java.sql} interfaces; the
 * command-line shell on top of them);</li>
 * <li>{@code sql}: the Calcite engine every API shares (parser, planner, pushdown skeleton,
 * execution context), with {@code sql.system} for {@code sys} and {@code information_schema};</li>
 * <li>one adapter package per API ({@code sooperwizer}, {@code reportei}): its HTTP client and its
 * tables, scans and pushdown rules;</li>
 * <li>{@code auth}, {@code http}, {@code types}: tokens, transport with retries and caching, and JSON
 * rows into typed values;</li>
 * <li>{@code config}, {@code error}, {@code observe}: properties, the SQLState factory and the
 * per-connection activity log, which every layer may use and which use nothing above them.</li>
 * </ul>
 * {@code sandbox} simulates the servers for tests and the {@code :demo} URLs; the driver starts it only
 * for those URLs. docs/architecture.md has the picture and the life of a query.
 */
package dev.reportsql;
