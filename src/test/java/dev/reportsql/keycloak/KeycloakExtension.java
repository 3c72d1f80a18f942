package dev.reportsql.keycloak;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Starts the run's one Keycloak before the first class that uses it, and has JUnit stop it when
 * the whole run ends (an {@link AutoCloseable} in the root store), not after each class. When the
 * machine cannot run Keycloak, every test is reported as skipped with the reason (a class-level
 * skip would show as zero tests run).
 */
public final class KeycloakExtension implements BeforeAllCallback, BeforeEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            KeycloakServer.shared();
        } catch (TestAbortedException e) {
            return; // reported per test in beforeEach
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
                KeycloakServer.class.getName() + ".stop", k -> (AutoCloseable) KeycloakServer::stopShared,
                AutoCloseable.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String reason = KeycloakServer.unavailableReason();
        Assumptions.assumeTrue(reason == null, reason);
    }
}
