/**
 * The Sooperwizer adapter on the engine: one table per report ({@link dev.reportsql.sooperwizer.sql.SooperwizerTable}),
 * its scan and pushdown rule (extending the engine's {@code ApiScan} and {@code ApiFilterRule}), the
 * run-time scan that resolves filter values and streams rows, learning a report's columns before
 * planning (discovery), filter defaults and required filters, and where filters written away from
 * the table still apply ({@link dev.reportsql.sooperwizer.sql.FilterScopes}).
 * May import: {@code sql}, {@code types}, {@code http}, {@code config}, {@code error}, {@code observe},
 * {@code sooperwizer}, Calcite.
 */
package dev.reportsql.sooperwizer.sql;
