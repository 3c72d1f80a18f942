package dev.reportsql.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process simulator of the Sooperwizer Reverse Integration API and of the Keycloak token
 * endpoint in front of it, serving a deterministic garment-factory dataset over HTTP on
 * 127.0.0.1. It is the fixture of the driver's tests and the server behind
 * {@code jdbc:sooperwizer:demo}; see {@code docs/sandbox.md} for users, reports and error rules.
 *
 * <p>All threads are daemon threads, so a sandbox never keeps a JVM alive. Every request is
 * recorded before it is answered; {@link #requests()} returns them for assertions.
 */
public final class SooperwizerSandbox implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SooperwizerSandbox.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static SooperwizerSandbox demo;

    static {
        // The JDK server leaves Nagle on: a response's headers and body then wait ~40 ms for the
        // client's delayed ACK, which no real API does and which would swamp every small-query
        // timing. The JDK reads this property once, when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final UserDirectory users = new UserDirectory();
    private final TokenStore tokens = new TokenStore();
    private final RequestLog log = new RequestLog();
    private final FailureQueue failures = new FailureQueue();
    private final KeycloakTokenEndpoint keycloak = new KeycloakTokenEndpoint(users, tokens);
    private final FactoryDataset dataset = new FactoryDataset();
    private final ReportApi api = new ReportApi(users, tokens, dataset);
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SooperwizerSandbox(int port) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sooperwizer-sandbox-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        startOnDaemonThread();
    }

    /** Starts a new sandbox on a free loopback port. */
    public static SooperwizerSandbox start() {
        return start(0);
    }

    /** Starts a new sandbox on the given loopback port (0 for a free one). */
    static SooperwizerSandbox start(int port) {
        try {
            return new SooperwizerSandbox(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Sooperwizer sandbox on 127.0.0.1:" + port, e);
        }
    }

    /** The JVM-wide sandbox behind {@code jdbc:sooperwizer:demo}, started on first use and never closed. */
    public static synchronized SooperwizerSandbox demo() {
        if (demo == null) {
            demo = start();
        }
        return demo;
    }

    /** The API base, e.g. {@code http://127.0.0.1:PORT/api}. */
    public String apiUrl() {
        return baseUrl + ReportApi.PREFIX;
    }

    /** The Keycloak base, e.g. {@code http://127.0.0.1:PORT/auth}; the token endpoint is under {@code /realms/wimetrix}. */
    public String keycloakUrl() {
        return baseUrl + KeycloakTokenEndpoint.PREFIX;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** The requests whose path ends with {@code pathSuffix}, e.g. {@code /report/get-data}. */
    public List<RecordedRequest> requests(String pathSuffix) {
        return log.endingWith(pathSuffix);
    }

    public void clearRequests() {
        log.clear();
    }

    /** Lifetime of access tokens issued from now on (default 300 s). */
    public void setAccessTokenLifetime(Duration d) {
        tokens.setAccessTokenLifetime(d);
    }

    /** Lifetime of refresh tokens issued from now on (default 1800 s). */
    public void setRefreshTokenLifetime(Duration d) {
        tokens.setRefreshTokenLifetime(d);
    }

    /** Expires every access token issued so far: the API answers them with 403. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /** Ends every session so far: their refresh tokens are refused with 400 invalid_grant. */
    public void revokeRefreshTokens() {
        tokens.revokeRefreshTokens();
    }

    /** Changes a demo user's password. */
    public void setPassword(String user, String password) {
        users.setPassword(user, password);
    }

    /** Disables or re-enables a demo user. */
    public void setDisabled(String user, boolean disabled) {
        users.setDisabled(user, disabled);
    }

    /**
     * Answers the next request whose path ends with {@code pathSuffix} with this response instead
     * (first in, first out per suffix). The request is still recorded.
     *
     * @param contentType the Content-Type header, or null for none
     * @param body        the body, or null for none
     */
    public void enqueueFailure(String pathSuffix, int status, String contentType, String body) {
        failures.add(pathSuffix, new FailureQueue.Failure(status, contentType, body));
    }

    /**
     * Adds {@code count} small synthetic reports to the catalog (ReportIDs 1001 and up, names
     * {@code SyntheticReport0001}..., no filters, 12 rows each), for tests and benchmarks of a
     * large catalog. Visible to every user who sees all reports.
     */
    public void addSyntheticReports(int count) {
        dataset.addSynthetic(count);
    }

    /**
     * From now on, renders each distinct get-data body once into a file under {@code dir} and sends
     * it from there with a fixed Content-Length (the same bytes; no generation cost per request).
     * For benchmarks, where generating rows would cost the sandbox more than reading them costs the
     * client. The caller owns {@code dir} and deletes it.
     */
    public void renderBodiesOnce(Path dir) {
        api.renderOnce(new RenderedBodies(dir));
    }

    /** Bytes of get-data response bodies sent so far. */
    public long dataBytesSent() {
        return api.dataBytes();
    }

    /** Stops the server, ending any response in progress; closing twice is harmless. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Rows written to get-data responses so far (for streaming tests). */
    long rowsWritten() {
        return api.rowsWritten();
    }

    /** get-data responses being streamed right now (for streaming tests). */
    int activeStreams() {
        return api.activeStreams();
    }

    private void dispatch(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8));
            log.add(request);
            FailureQueue.Failure failure = failures.poll(request.path());
            if (failure != null) {
                HttpReplies.send(exchange, failure.status(), failure.contentType(), failure.body());
            } else if (under(request.path(), KeycloakTokenEndpoint.PREFIX)) {
                keycloak.handle(exchange, request);
            } else if (under(request.path(), ReportApi.PREFIX)) {
                api.handle(exchange, request);
            } else {
                HttpReplies.message(exchange, 404, "Not found: " + request.method() + " " + request.path());
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Sandbox exchange failed: {0}", e.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox handler failed", e);
            if (exchange.getResponseCode() == -1) {
                try {
                    HttpReplies.message(exchange, 500, "Sandbox error: " + e);
                } catch (IOException ignored) {
                    // the client is gone
                }
            }
        } finally {
            exchange.close();
        }
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The server's dispatcher thread inherits daemon status from the thread that starts it. */
    private void startOnDaemonThread() {
        Thread starter = new Thread(server::start, "sooperwizer-sandbox-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            executor.shutdownNow();
            throw new IllegalStateException("Interrupted while starting the Sooperwizer sandbox", e);
        }
    }
}
