package dev.reportsql.sandbox.reportei;

import dev.reportsql.sandbox.HttpReplies;
import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.RecordedRequests;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process simulator of the Reportei Connect API on 127.0.0.1: one merchant (API token
 * {@link #API_TOKEN}), a few hundred deterministic customers with their integrations and customer
 * tokens, metric values derived from each request, a real rate limit (per second and per minute,
 * with {@code X-RateLimit-*} headers and 429 + {@code Retry-After}), the documented
 * {@code {"message": ...}} errors, and a log of every request. It is the server behind
 * {@code jdbc:reportei:demo} and the fixture of the driver's Reportei tests; see
 * {@code docs/reportei.md}.
 *
 * <p>All threads are daemon threads, so a sandbox never keeps a JVM alive.
 */
public final class ReporteiSandbox implements AutoCloseable {
    /** The merchant's API token (bearer). */
    public static final String API_TOKEN = "sandbox-merchant-token";
    /** Customers in a sandbox started with {@link #start()}. */
    public static final int DEFAULT_CUSTOMERS = 320;
    /** Requests per second the merchant may make unless changed with {@link #setRateLimits}. */
    public static final int DEFAULT_PER_SECOND = 20;
    /** Requests per minute the merchant may make unless changed with {@link #setRateLimits}. */
    public static final int DEFAULT_PER_MINUTE = 600;

    private static final Logger LOG = Logger.getLogger(ReporteiSandbox.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static ReporteiSandbox demo;

    private final RecordedRequests log = new RecordedRequests();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final ReporteiRateLimit rateLimit = new ReporteiRateLimit(DEFAULT_PER_SECOND, DEFAULT_PER_MINUTE);
    private final ReporteiApi api;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long latencyMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** A response that replaces the next request to a path suffix. */
    private record Canned(String pathSuffix, int status, Map<String, String> headers, String body) {
    }

    private ReporteiSandbox(int port, int customers) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "reportei-sandbox-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        api = new ReporteiApi(new ReporteiDataset(customers), API_TOKEN, rateLimit, baseUrl);
        Thread starter = new Thread(server::start, "reportei-sandbox-start");
        starter.setDaemon(true); // the dispatcher thread inherits daemon status from its starter
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the Reportei sandbox", e);
        }
    }

    /** Starts a sandbox with {@link #DEFAULT_CUSTOMERS} customers on a free loopback port. */
    public static ReporteiSandbox start() {
        return start(0, DEFAULT_CUSTOMERS);
    }

    /** Starts a sandbox with {@code customers} customers on {@code port} (0 for a free one). */
    public static ReporteiSandbox start(int port, int customers) {
        try {
            return new ReporteiSandbox(port, customers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Reportei sandbox on 127.0.0.1:" + port, e);
        }
    }

    /** The JVM-wide sandbox behind {@code jdbc:reportei:demo}, started on first use and never closed. */
    public static synchronized ReporteiSandbox demo() {
        if (demo == null) {
            demo = start();
        }
        return demo;
    }

    /** The API base, e.g. {@code http://127.0.0.1:PORT/api}. */
    public String apiUrl() {
        return baseUrl + ReporteiApi.PREFIX;
    }

    /** The customer token of customer {@code number} (1-based, in list order). */
    public static String customerToken(int number) {
        return ReporteiDataset.customerToken(number);
    }

    /** The uuid of the {@code index}-th (0-based) integration of customer {@code number}. */
    public static String integrationUuid(int number, int index) {
        return ReporteiDataset.integrationUuid(number, index);
    }

    /** Changes the merchant's rate limits (also what {@code /merchants/settings} reports). */
    public void setRateLimits(int perSecond, int perMinute) {
        rateLimit.setLimits(perSecond, perMinute);
    }

    /** The most requests admitted within any one-second window since the last {@link #clearRequests}. */
    public int maxRequestsInAnySecond() {
        return rateLimit.maxInAnySecond();
    }

    /** Requests refused with 429 because of the rate limit since the last {@link #clearRequests}. */
    public int throttledRequests() {
        return rateLimit.refused();
    }

    /** The most requests being answered at the same time since the last {@link #clearRequests}. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Delay added before every answer, to make prefetching visible. */
    public void setLatency(Duration latency) {
        latencyMillis = latency.toMillis();
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** The requests whose path ends with {@code pathSuffix}, e.g. {@code /customers}. */
    public List<RecordedRequest> requests(String pathSuffix) {
        return log.endingWith(pathSuffix);
    }

    /** Forgets recorded requests and rate-limit statistics; a fresh window starts now. */
    public void clearRequests() {
        log.clear();
        rateLimit.reset();
        maxInFlight.set(0);
    }

    /** A status for {@link #enqueueFailure}: close the connection without any answer (EOF before the headers). */
    public static final int DROP_CONNECTION = 0;

    /**
     * Answers the next request whose path ends with {@code pathSuffix} with this response instead
     * (first in, first out); status {@link #DROP_CONNECTION} closes the connection unanswered. The
     * request is still recorded; it does not count against the limit.
     */
    public synchronized void enqueueFailure(String pathSuffix, int status, Map<String, String> headers, String body) {
        canned.addLast(new Canned(pathSuffix, status, Map.copyOf(headers), body));
    }

    /** Stops the server; closing twice is harmless. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private synchronized Canned pollCanned(String path) {
        for (var it = canned.iterator(); it.hasNext();) {
            Canned c = it.next();
            if (path.endsWith(c.pathSuffix())) {
                it.remove();
                return c;
            }
        }
        return null;
    }

    private void dispatch(HttpExchange exchange) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8));
            log.add(request);
            long latency = latencyMillis;
            if (latency > 0) {
                Thread.sleep(latency);
            }
            Canned c = pollCanned(request.path());
            if (c != null && c.status() == DROP_CONNECTION) {
                return; // the finally block closes the exchange before any header is sent
            } else if (c != null) {
                c.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                HttpReplies.send(exchange, c.status(), HttpReplies.JSON, c.body());
            } else if (request.path().startsWith(ReporteiApi.PREFIX + "/")) {
                api.handle(exchange, request);
            } else {
                HttpReplies.message(exchange, 404, "Not found.");
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Sandbox exchange failed: {0}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reportei sandbox handler failed", e);
            if (exchange.getResponseCode() == -1) {
                try {
                    HttpReplies.message(exchange, 500, "Server Error");
                } catch (IOException ignored) {
                    // the client is gone
                }
            }
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }
}
