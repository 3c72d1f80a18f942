package dev.reportsql.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.Versions;
import okhttp3.OkHttpClient;

/**
 * The driver's one OkHttp client. Every connection derives its own client from it with
 * {@link OkHttpClient#newBuilder()}, so all connections share one connection pool and one
 * dispatcher (sockets are reused across connections to the same host) while each keeps its own
 * timeouts and interceptors.
 */
public final class HttpTransport {
    private static final OkHttpClient BASE = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false) // retries are decided by the driver, with its own rules
            .followRedirects(false)          // a redirect would resend the bearer token to another host
            .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                    .header("User-Agent", "ReportSQL-JDBC/" + Versions.DRIVER_VERSION).build()))
            .build();

    private HttpTransport() {
    }

    /** A client with the connection's timeouts; add auth interceptors on top with {@code newBuilder()}. */
    public static OkHttpClient forConnection(ConnectionConfig config) {
        return BASE.newBuilder()
                .connectTimeout(millis(config.duration(ConnectionProperty.CONNECT_TIMEOUT)), TimeUnit.MILLISECONDS)
                .readTimeout(millis(config.duration(ConnectionProperty.READ_TIMEOUT)), TimeUnit.MILLISECONDS)
                .build();
    }

    private static long millis(Duration d) {
        return d == null ? 0 : d.toMillis();
    }
}
