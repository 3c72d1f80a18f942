package dev.reportsql.sandbox.sooperwizer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import dev.reportsql.sandbox.HttpReplies;
import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.RecordedRequests;
import dev.reportsql.sandbox.keycloak.AccessTokenVerifier;
import dev.reportsql.sandbox.keycloak.Issuer;
import dev.reportsql.sandbox.keycloak.SimulatedRealm;

/**
 * An in-process simulator of the Sooperwizer Reverse Integration API and of the Keycloak token
 * endpoint in front of it, serving a deterministic garment-factory dataset over HTTP on
 * 127.0.0.1. It is the fixture of the driver's tests and the server behind
 * {@code jdbc:sooperwizer:demo}; see {@code docs/sandbox.md} for users, reports and error rules.
 *
 * <p>All threads are daemon threads, so a sandbox never keeps a JVM alive. Every request is
 * recorded before it is answered; {@link #requests()} returns them for assertions.
 *
 * <p>With {@link Builder#issuer(Issuer)} the sandbox is a resource server of an external Keycloak
 * realm instead: it has no token endpoint of its own and checks each bearer token as the real API
 * does (RS256 signature against the realm's published keys, expiry, issuer, the role
 * {@code report:integration:get}). With {@link Builder#https(SSLContext)} it serves HTTPS.
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

    private final SimulatedRealm realm = new SimulatedRealm();
    private final RecordedRequests log = new RecordedRequests();
    private final FailureQueue failures = new FailureQueue();
    private final FactoryDataset dataset = new FactoryDataset();
    private final Issuer issuer;
    private final AccessTokenVerifier verifier;
    private final ReportApi api;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SooperwizerSandbox(Builder b) throws IOException {
        issuer = b.issuer;
        verifier = issuer == null ? null : new AccessTokenVerifier(issuer, Clock.systemUTC());
        api = new ReportApi(verifier != null ? verifier : realm, dataset);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetSocketAddress address = new InetSocketAddress(loopback, b.port);
        if (b.tls != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(b.tls));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sooperwizer-sandbox-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        baseUrl = (b.tls != null ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
        startOnDaemonThread();
    }

    /** Starts a new sandbox on a free loopback port. */
    public static SooperwizerSandbox start() {
        return builder().start();
    }

    /** Starts a new sandbox on the given loopback port (0 for a free one). */
    static SooperwizerSandbox start(int port) {
        return builder().port(port).start();
    }

    /** Starts a sandbox on a free loopback port that accepts the access tokens of an external Keycloak realm. */
    public static SooperwizerSandbox start(Issuer issuer) {
        return builder().issuer(issuer).start();
    }

    /** Options for a new sandbox: port, external issuer, HTTPS. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets up a sandbox; {@link #start()} starts it. */
    public static final class Builder {
        private int port;
        private Issuer issuer;
        private SSLContext tls;

        private Builder() {
        }

        /** The loopback port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Trust this Keycloak realm instead of the built-in token endpoint: bearer tokens are
         * verified against the realm's JWKS, and {@code /auth} answers 404.
         */
        public Builder issuer(Issuer issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Serve HTTPS with this context (its key manager holds the server certificate). */
        public Builder https(SSLContext context) {
            this.tls = context;
            return this;
        }

        public SooperwizerSandbox start() {
            try {
                return new SooperwizerSandbox(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Sooperwizer sandbox on 127.0.0.1:" + port, e);
            }
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

    /**
     * The Keycloak base, e.g. {@code http://127.0.0.1:PORT/auth}; the token endpoint is under
     * {@code /realms/wimetrix}. With an external issuer, that issuer's Keycloak base URL.
     */
    public String keycloakUrl() {
        return issuer != null ? issuer.keycloakUrl() : baseUrl + SimulatedRealm.PREFIX;
    }

    /** The external issuer whose tokens this sandbox accepts, or null when it issues its own. */
    public Issuer issuer() {
        return issuer;
    }

    /** Why the API answered 403 so far (one reason per refused call, oldest first); never contains a token. */
    public List<String> tokenRejections() {
        return api.tokenRejections();
    }

    /**
     * External issuer only: refuses access tokens issued (claim {@code iat}) before this instant,
     * as an API does after Keycloak pushes a "not before" revocation. Tokens issued later pass.
     */
    public void revokeTokensIssuedBefore(Instant instant) {
        if (verifier == null) {
            throw new IllegalStateException("revokeTokensIssuedBefore needs an external issuer; use expireAccessTokens()");
        }
        verifier.revokeIssuedBefore(instant);
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** The requests whose path ends with {@code pathSuffix}, e.g. {@code /report/get-data}. */
    public List<RecordedRequest> requests(String pathSuffix) {
        return log.endingWith(pathSuffix);
    }

    /** Forgets the recorded requests and token rejections. */
    public void clearRequests() {
        log.clear();
        api.clearTokenRejections();
    }

    /** Lifetime of access tokens issued from now on (default 300 s). */
    public void setAccessTokenLifetime(Duration d) {
        realm.setAccessTokenLifetime(d);
    }

    /** Lifetime of refresh tokens issued from now on (default 1800 s). */
    public void setRefreshTokenLifetime(Duration d) {
        realm.setRefreshTokenLifetime(d);
    }

    /** Expires every access token issued so far: the API answers them with 403. */
    public void expireAccessTokens() {
        realm.expireAccessTokens();
    }

    /** Ends every session so far: their refresh tokens are refused with 400 invalid_grant. */
    public void revokeRefreshTokens() {
        realm.revokeRefreshTokens();
    }

    /** Changes a demo user's password. */
    public void setPassword(String user, String password) {
        realm.setPassword(user, password);
    }

    /** Disables or re-enables a demo user. */
    public void setDisabled(String user, boolean disabled) {
        realm.setDisabled(user, disabled);
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
            } else if (under(request.path(), SimulatedRealm.PREFIX) && issuer == null) {
                realm.handle(exchange, request);
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
