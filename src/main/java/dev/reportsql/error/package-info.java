/**
 * How the driver fails: the SQLStates it uses ({@link dev.reportsql.error.SqlState}), the one factory
 * that builds every {@link java.sql.SQLException} with a state and a message saying what to do next
 * ({@link dev.reportsql.error.Errors}), and the chain of {@link java.sql.SQLWarning}s a connection,
 * statement or result set holds ({@link dev.reportsql.error.WarningChain}). Messages never carry a
 * secret. Depends on the JDK only (ArchitectureTest); Calcite's exceptions are translated in
 * {@code sql} (CalciteErrors).
 */
package dev.reportsql.error;
