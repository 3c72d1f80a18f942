package dev.reportsql.http;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.Versions;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The driver's one OkHttp client. Every connection derives its own client from it with
 * {@link OkHttpClient#newBuilder()}, so all connections share one connection pool and one
 * dispatcher (sockets are reused across connections to the same host) while each keeps its own
 * timeouts and interceptors.
 */
public final class HttpTransport {
    /** Name prefix of the threads that run asynchronous calls (e.g. Reportei's page prefetch). */
    public static final String DISPATCHER_THREAD_PREFIX = "ReportSQL HTTP dispatcher ";
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final OkHttpClient BASE = new OkHttpClient.Builder()
            .dispatcher(new Dispatcher(daemonExecutor()))
            .retryOnConnectionFailure(false) // retries are decided by the driver, with its own rules
            .followRedirects(false)          // a redirect would resend the bearer token to another host
            .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                    .header("User-Agent", "ReportSQL-JDBC/" + Versions.DRIVER_VERSION).build()))
            .build();

    private HttpTransport() {
    }

    /**
     * A client with the connection's timeouts and trust settings; add auth interceptors on top with
     * {@code newBuilder()}. HTTPS trusts the JVM's default trust store unless {@code trustStore} is
     * set; host names are always verified (OkHttp's default verifier is never replaced).
     */
    public static OkHttpClient forConnection(ConnectionConfig config) throws SQLException {
        OkHttpClient.Builder b = BASE.newBuilder()
                .connectTimeout(millis(config.duration(ConnectionProperty.CONNECT_TIMEOUT)), TimeUnit.MILLISECONDS)
                .readTimeout(millis(config.duration(ConnectionProperty.READ_TIMEOUT)), TimeUnit.MILLISECONDS)
                .addNetworkInterceptor(new RequestRecording());
        String trustStore = config.get(ConnectionProperty.TRUST_STORE);
        if (trustStore != null && !trustStore.isBlank()) {
            TrustStores.Loaded loaded = TrustStores.load(trustStore.trim(), config.get(ConnectionProperty.TRUST_STORE_TYPE),
                    config.get(ConnectionProperty.TRUST_STORE_PASSWORD));
            b.sslSocketFactory(loaded.context().getSocketFactory(), loaded.trustManager());
        }
        return b.build();
    }

    /**
     * Refuses to send credentials ({@code what}, e.g. "the password") over plain HTTP to a host that
     * is not loopback, unless {@code allowInsecureHttp=true}: anyone on the network path could read them.
     */
    public static void requireSecureFor(HttpUrl url, String what, ConnectionConfig config) throws SQLException {
        if (url.isHttps() || isLoopback(url.host()) || config.bool(ConnectionProperty.ALLOW_INSECURE_HTTP)) {
            return;
        }
        throw Errors.sql(SqlState.UNABLE_TO_CONNECT, "Refusing to send " + what + " over plain http:// to "
                + url.host() + ": use an https:// URL, or set " + ConnectionProperty.ALLOW_INSECURE_HTTP.key()
                + "=true if you accept that anyone on the network can read it (test servers only)");
    }

    /** localhost, 127.0.0.0/8 or ::1, judged from the text alone (no DNS lookup that could be spoofed). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches();
    }

    /** The settings that decide whom a connection trusts; part of the key of shared token sources. */
    public static String securityKey(ConnectionConfig config) {
        return config.get(ConnectionProperty.TRUST_STORE) + "|" + config.get(ConnectionProperty.TRUST_STORE_TYPE)
                + "|" + config.bool(ConnectionProperty.ALLOW_INSECURE_HTTP);
    }

    /**
     * The executor OkHttp's default dispatcher would make (threads on demand, idle ones end after
     * 60 s), but with daemon threads: OkHttp's own are not daemons, so an application's {@code main}
     * would stay alive for a minute after its last asynchronous call.
     */
    private static ExecutorService daemonExecutor() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread t = new Thread(task, DISPATCHER_THREAD_PREFIX + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }
}
