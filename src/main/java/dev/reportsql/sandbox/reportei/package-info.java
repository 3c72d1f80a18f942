/**
 * The simulated Reportei Connect API: {@code ReporteiSandbox} (the server behind
 * {@code jdbc:reportei:demo} and the fixture of the driver's Reportei tests), its endpoints
 * ({@code ReporteiApi}), the deterministic merchant, customers and integrations
 * ({@code ReporteiDataset}), widget values ({@code ReporteiWidgetData}), the rate limit and the
 * refusals it answers with.
 * May import: {@code sandbox} (shared helpers), the JDK and Jackson. Not the other sandbox
 * servers, and nothing from the driver.
 */
package dev.reportsql.sandbox.reportei;
