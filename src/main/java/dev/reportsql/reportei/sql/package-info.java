/**
 * The Reportei adapter on the engine: tables for the paginated lists (customers, their integrations)
 * and one per widget of the metrics catalog, their scans and pushdown and LIMIT rules (extending the
 * engine's {@code ApiScan} and {@code ApiFilterRule}), page prefetching, and the widget function.
 * May import: {@code sql}, {@code types}, {@code http}, {@code config}, {@code error}, {@code observe},
 * {@code reportei}, Calcite, Jackson.
 */
package dev.reportsql.reportei.sql;
