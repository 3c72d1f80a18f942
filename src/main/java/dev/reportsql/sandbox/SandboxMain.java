package dev.reportsql.sandbox;

import dev.reportsql.sandbox.keycloak.DemoUser;
import dev.reportsql.sandbox.reportei.ReporteiSandbox;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a Sooperwizer sandbox until the process is killed, so that a person can point a SQL tool
 * such as DBeaver at it. Usage: {@code SandboxMain [--port N]}.
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        boolean reportei = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reportei")) {
                reportei = true;
            } else if (args[i].equals("--port") && i + 1 < args.length) {
                try {
                    port = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    usage("--port needs a number, got '" + args[i] + "'");
                    return;
                }
            } else {
                usage(args[i].equals("--help") || args[i].equals("-h") ? null : "Unknown argument '" + args[i] + "'");
                return;
            }
        }
        if (reportei) {
            ReporteiSandbox r = ReporteiSandbox.start(port, ReporteiSandbox.DEFAULT_CUSTOMERS);
            System.out.println("Reportei Connect sandbox running");
            System.out.println("  API URL:        " + r.apiUrl());
            System.out.println("  API token:      " + ReporteiSandbox.API_TOKEN);
            System.out.println("  Customer token: " + ReporteiSandbox.customerToken(1) + "  (customer 1)");
            System.out.println("  JDBC URL:       jdbc:reportei:" + r.apiUrl() + "?apiToken=" + ReporteiSandbox.API_TOKEN
                    + "&customerToken=" + ReporteiSandbox.customerToken(1));
            System.out.println("Press Ctrl+C to stop.");
            new CountDownLatch(1).await();
            return;
        }
        SooperwizerSandbox sandbox = SooperwizerSandbox.builder().port(port).start();
        System.out.println("Sooperwizer sandbox running");
        System.out.println("  API URL:      " + sandbox.apiUrl());
        System.out.println("  Keycloak URL: " + sandbox.keycloakUrl() + "  (realm wimetrix, client frontend)");
        System.out.println("  Users:");
        for (DemoUser u : DemoUser.ALL) {
            System.out.printf("    %-6s / %-9s %s%n", u.name(), u.password(), u.note());
        }
        System.out.println("Press Ctrl+C to stop.");
        new CountDownLatch(1).await();
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.println("Usage: java dev.reportsql.sandbox.SandboxMain [--port N] [--reportei]");
        if (problem != null) {
            System.exit(2);
        }
    }
}
