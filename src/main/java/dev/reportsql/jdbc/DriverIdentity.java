package dev.reportsql.jdbc;

/**
 * Names and versions that {@link java.sql.DatabaseMetaData} reports. The driver is also the query
 * engine, so {@code majorVersion}/{@code minorVersion} answer both the driver and the database
 * version numbers.
 *
 * @param productName    e.g. {@code ReportSQL (Sooperwizer)}
 * @param productVersion e.g. {@code 0.1.0}
 * @param driverName     e.g. {@code ReportSQL JDBC}
 * @param driverVersion  e.g. {@code 0.1.0-SNAPSHOT}
 * @param majorVersion   the driver's major version
 * @param minorVersion   the driver's minor version
 */
public record DriverIdentity(String productName, String productVersion, String driverName, String driverVersion,
        int majorVersion, int minorVersion) {
}
