/**
 * The SQL engine every API shares, built on Calcite: the parser ({@link dev.reportsql.sql.ReportSqlParser}),
 * one engine per connection ({@link dev.reportsql.sql.QueryEngine}), the per-execution state
 * ({@link dev.reportsql.sql.ExecutionContext}, with attachments where adapters keep their own), the
 * schema interface an adapter implements ({@link dev.reportsql.sql.SessionSchema}), filter
 * extraction, the scan and pushdown skeletons both adapters extend ({@link dev.reportsql.sql.ApiScan},
 * {@link dev.reportsql.sql.ApiFilterRule}), EXPLAIN's API calls, the function libraries and rewrites,
 * and the translation of Calcite's exceptions into SQLStates ({@link dev.reportsql.sql.CalciteErrors}).
 * May import: Calcite, Avatica, {@code types}, {@code http} (call tracking), {@code config},
 * {@code error}, {@code observe}. Never an adapter ({@code sooperwizer}, {@code reportei}):
 * ArchitectureTest checks it.
 */
package dev.reportsql.sql;
