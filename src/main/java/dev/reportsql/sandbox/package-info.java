/**
 * What the sandbox servers share: writing HTTP replies ({@code HttpReplies}), the requests a
 * server received ({@code RecordedRequest}, {@code RecordedRequests}), the deterministic hash that
 * every generated value comes from ({@code RowHash}), and {@code SandboxMain}, which runs a
 * Sooperwizer or Reportei sandbox by hand. Each simulated server lives in its own package:
 * {@code sandbox.sooperwizer}, {@code sandbox.keycloak}, {@code sandbox.reportei}.
 * May import: the JDK (its {@code com.sun.net.httpserver} included) and Jackson; only
 * {@code SandboxMain} reaches into the server packages, to start them. Nothing from the driver:
 * the sandbox plays the servers the driver talks to and must not share its code.
 */
package dev.reportsql.sandbox;
