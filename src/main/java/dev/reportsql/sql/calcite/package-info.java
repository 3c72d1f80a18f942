/**
 * Where the driver works around Calcite's internals. Each class matches Calcite 1.42.0 (the version
 * in the pom); on an upgrade, read the named Calcite code again and run the guarding test first.
 * <table>
 * <caption>Patches</caption>
 * <tr><th>class</th><th>what it changes</th><th>guarded by</th></tr>
 * <tr><td>{@link dev.reportsql.sql.calcite.CalciteDefaults}</td><td>Calcite's default charset
 * (ISO-8859-1) for literals, set as system properties before Calcite's classes load</td>
 * <td>HostileInputTest (non-Latin literals)</td></tr>
 * <tr><td>{@link dev.reportsql.sql.calcite.CheckedAbs}</td><td>ABS of an integer rewritten with a
 * checked minus (Calcite's checked arithmetic leaves ABS out)</td><td>DifferentialTest (ABS of the
 * smallest BIGINT fails with 22003)</td></tr>
 * <tr><td>{@link dev.reportsql.sql.calcite.DecimalSums}</td><td>SUM of BIGINT fed as DECIMAL, which
 * Calcite's generated SUM code cannot otherwise add</td><td>DifferentialTest (SUM sections)</td></tr>
 * <tr><td>{@link dev.reportsql.sql.calcite.DistributionWindows}</td><td>PERCENT_RANK and CUME_DIST
 * computed from RANK and COUNT windows (Calcite plans them but cannot generate their code)</td>
 * <td>SqlFunctionsTest</td></tr>
 * <tr><td>{@link dev.reportsql.sql.calcite.ReflectiveMetadataHandlers}</td><td>metadata handlers by
 * reflection instead of classes Janino compiles at the first query; the built-in kinds' handler
 * objects are written out ({@code BuiltInMetadataHandlers}), not proxies the JVM spins</td>
 * <td>ColdStartClassesTest, BuiltInMetadataHandlersTest (one class per kind Calcite defines, answers
 * equal to Calcite's own) and every planning test</td></tr>
 * </table>
 * Split-package shims, in Calcite's own packages because the members they reach are protected or
 * package-private (relocated with Calcite in the shaded jar):
 * <ul>
 * <li>{@code org.apache.calcite.avatica.ResultSetRows} and
 * {@code org.apache.calcite.avatica.util.CursorRows}: the current row of Avatica's cursor, so result
 * sets read cells directly (DirectCellsTest);</li>
 * <li>{@code org.apache.calcite.jdbc.ConcurrentStatementRegistry}: statements of one connection
 * running at once (SharedConnectionStatementsTest).</li>
 * </ul>
 * Engine features built on Calcite's extension points (the parser, the type system, rewrites,
 * percentiles) stay in {@code dev.reportsql.sql}.
 * May import: Calcite, Avatica, {@code error}.
 */
package dev.reportsql.sql.calcite;
