package dev.reportsql.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import dev.reportsql.Vendored;
import dev.reportsql.sandbox.keycloak.Issuer;

/**
 * One real Keycloak for the whole test run, started on first use on a free loopback port and stopped
 * with SIGTERM by PID when the run ends (JUnit closes it; a shutdown hook does it if JUnit could not).
 *
 * <p>A machine without what it takes (the zip the build fetches, a Unix shell, disk space, the
 * shared realm file) makes the tests skip with the reason; a Keycloak that fails to start fails them.
 * Start-up times are printed and written to {@code target/keycloak-timings.txt}.
 */
public final class KeycloakServer {
    private static final long MB = 1024 * 1024;
    private static KeycloakServer shared;
    private static String unavailable;
    private static RuntimeException failed;

    private final KeycloakInstall install;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path log;
    private Process process;

    private KeycloakServer(KeycloakInstall install, int port, FileChannel lockChannel, FileLock lock, Path log) {
        this.install = install;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.log = log;
    }

    /** The run's Keycloak; skips the calling test (JUnit assumption) when the machine cannot run one. */
    public static synchronized KeycloakServer shared() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        if (failed != null) {
            throw failed;
        }
        if (shared == null) {
            String missing = missingPrerequisite();
            if (missing != null) {
                unavailable = "Real-Keycloak tests skipped: " + missing;
                System.out.println(unavailable);
                Assumptions.abort(unavailable);
            }
            try {
                shared = launch();
            } catch (IOException | RuntimeException e) {
                failed = new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
                throw failed;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stopShared, "keycloak-stop"));
        }
        return shared;
    }

    /** Why this machine runs no Keycloak, or null when it does (or has not tried yet). */
    public static synchronized String unavailableReason() {
        return unavailable;
    }

    /** Stops the run's Keycloak if one was started; safe to call twice. */
    public static synchronized void stopShared() {
        if (shared != null) {
            KeycloakServer s = shared;
            shared = null;
            failed = new IllegalStateException("Keycloak was already stopped at the end of the run");
            s.stop();
        }
    }

    /** {@code http://127.0.0.1:PORT}: the driver's {@code keycloakUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm {@code wimetrix} as an issuer a sandbox can trust. */
    public Issuer issuer() {
        return new Issuer(baseUrl(), TestRealm.REALM);
    }

    /** The token endpoint of the test realm. */
    public String tokenUrl() {
        return issuer().url() + "/protocol/openid-connect/token";
    }

    // ---- start-up ------------------------------------------------------------------------------

    private static String missingPrerequisite() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return "bin/kc.sh needs a Unix shell";
        }
        if (!Files.isExecutable(Path.of("/bin/bash"))) {
            return "bin/kc.sh needs /bin/bash";
        }
        if (Runtime.version().feature() < 17) {
            return "Keycloak " + KeycloakInstall.VERSION + " needs Java 17 or later, this is " + Runtime.version();
        }
        String zip = System.getProperty("reportsql.keycloakZip");
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            return "the Keycloak zip " + zip + " is missing; the build's fetch-keycloak step (maven-dependency-plugin "
                    + "copy of org.keycloak:keycloak-quarkus-dist:" + KeycloakInstall.VERSION + ":zip) was skipped "
                    + "(-Dreportsql.keycloak.skip) or could not download it";
        }
        if (!Files.isRegularFile(sharedRealm())) {
            return "the realm file " + sharedRealm() + " is missing";
        }
        KeycloakInstall install = new KeycloakInstall(Path.of(zip));
        long needed = install.unzipped() ? 200 * MB : 700 * MB;
        long free = install.cacheDir().toFile().getUsableSpace();
        if (free < needed) {
            return "only " + free / MB + " MB free in " + install.cacheDir() + ", " + needed / MB + " MB needed";
        }
        return null;
    }

    private static Path sharedRealm() {
        return Vendored.path("keycloak/wimetrix-realm.json");
    }

    private static KeycloakServer launch() throws IOException {
        KeycloakInstall install = new KeycloakInstall(Path.of(System.getProperty("reportsql.keycloakZip")));
        FileChannel channel = FileChannel.open(install.cacheDir().resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = waitForLock(channel);
        Files.createDirectories(Path.of("target"));
        KeycloakServer server = new KeycloakServer(install, freePort(), channel, lock,
                Path.of("target", "keycloak.log").toAbsolutePath());
        try {
            server.prepareAndStart();
            return server;
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** Another build on this machine may be using the cached Keycloak; wait for it, up to 10 minutes. */
    private static FileLock waitForLock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                channel.close();
                unavailable = "Real-Keycloak tests skipped: another build kept the cached Keycloak busy for 10 minutes";
                Assumptions.abort(unavailable);
            }
            sleep(1000);
        }
    }

    private void prepareAndStart() throws IOException {
        Timings t = new Timings();
        if (!install.unzipped()) {
            long s = System.nanoTime();
            install.unzip();
            t.add("unzip (first run on this machine)", s);
        }
        String realm = TestRealm.json(sharedRealm());
        String realmHash = TestRealm.hash(realm);
        if (!Files.isDirectory(install.snapshot(realmHash))) {
            // First start: Quarkus build, schema creation and realm import; keep the database afterwards.
            long s = System.nanoTime();
            install.wipeDatabase();
            install.writeImport(realm);
            startProcess(true);
            waitUntilReady(Duration.ofMinutes(5));
            t.add("first start (build + realm import)", s);
            long st = System.nanoTime();
            stopProcess();
            t.add("stop after the first start (writes the class-data archive)", st);
            install.saveSnapshot(realmHash);
        }
        long s = System.nanoTime();
        install.restoreSnapshot(realmHash);
        startProcess(false);
        waitUntilReady(Duration.ofMinutes(3));
        t.add("start from the saved database", s);
        t.print(baseUrl());
    }

    private void startProcess(boolean importRealm) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(install.home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port));
        if (importRealm) {
            cmd.add("--import-realm");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(install.home().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("JAVA_OPTS") || k.startsWith("KC_") || k.startsWith("KEYCLOAK_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx256m");
        env.put("JAVA_OPTS_APPEND", ("-XX:TieredStopAtLevel=1 " + classDataSharing()).trim());
        process = pb.start();
    }

    /**
     * A class-data-sharing archive roughly halves later start-up times. JDK 19+ keeps it up to date by
     * itself; on 17 and 18 the first start writes it at exit and later starts read it.
     */
    private String classDataSharing() {
        Path jsa = install.cacheDir().resolve("cds-" + Runtime.version().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                + ".jsa");
        if (jsa.toString().chars().anyMatch(Character::isWhitespace)) {
            return ""; // kc.sh splits JAVA_OPTS_APPEND on blanks
        }
        String quiet = " -Xlog:cds=off -Xlog:cds+dynamic=off";
        if (Runtime.version().feature() >= 19) {
            return "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + jsa + quiet;
        }
        return (Files.isRegularFile(jsa) ? "-XX:SharedArchiveFile=" : "-XX:ArchiveClassesAtExit=") + jsa + quiet;
    }

    private void waitUntilReady(Duration limit) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(issuer().url() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with code " + process.exitValue() + " before it was ready; "
                        + "end of " + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for Keycloak", e);
            }
            sleep(250);
        }
        throw new IOException("Keycloak was not ready after " + limit.toSeconds() + " s; end of " + log + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    // ---- stop ----------------------------------------------------------------------------------

    private void stop() {
        try {
            stopProcess();
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    /**
     * SIGTERM to kc.sh, which forwards it to its Java child and waits for it. Only if that does not end
     * it in time are the children killed first and kc.sh last, so no Keycloak JVM is left behind.
     */
    private void stopProcess() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy(); // SIGTERM
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            children.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Start-up phases and their durations, printed and appended to target/keycloak-timings.txt. */
    private static final class Timings {
        private final StringBuilder text = new StringBuilder();

        void add(String phase, long startNanos) {
            text.append(String.format(Locale.ROOT, "  %-62s %6.1f s%n", phase, (System.nanoTime() - startNanos) / 1e9));
        }

        void print(String url) {
            String report = "Keycloak " + KeycloakInstall.VERSION + " ready at " + url + " (Java " + Runtime.version()
                    + ")\n" + text;
            System.out.print(report);
            try {
                Files.writeString(Path.of("target", "keycloak-timings.txt"), report, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                // printing was enough
            }
        }
    }
}
