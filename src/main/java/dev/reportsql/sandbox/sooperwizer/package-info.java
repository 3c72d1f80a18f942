/**
 * The simulated Sooperwizer Reverse Integration API ({@code get-integrations}, {@code get-data})
 * and its garment-factory dataset: {@code SooperwizerSandbox} (the server behind
 * {@code jdbc:sooperwizer:demo} and the driver tests' fixture), the report catalog
 * ({@code FactoryDataset}, {@code ServedReport}, the generators of reports 101-106 and the awkward
 * reports 201-207), the filter and request rules, and the streaming of rows as JSON. The server
 * mounts the built-in Keycloak realm next to the API, or trusts an external one.
 * May import: {@code sandbox} (shared helpers), {@code sandbox.keycloak} (realm, bearer-token
 * checks, issuer), the JDK and Jackson. Nothing from the driver.
 */
package dev.reportsql.sandbox.sooperwizer;
