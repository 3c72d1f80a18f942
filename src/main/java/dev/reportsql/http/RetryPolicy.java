package dev.reportsql.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLException;

import dev.reportsql.config.ConnectionConfig;
import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import okhttp3.Response;

/**
 * When and how often an idempotent call (token, catalog, data) is tried again: after a transport
 * failure before the response began, and after HTTP 429, 502, 503 or 504. Waits grow
 * exponentially with jitter, a server's {@code Retry-After} is honoured, and no wait outlasts the
 * statement's query timeout. Each retry is logged at INFO with endpoint, attempt and reason.
 *
 * <p>Read timeouts are not retried: the server has the request and is working on it, so trying
 * again would only multiply the wait the user already bounded with {@code readTimeout}.
 */
public final class RetryPolicy {
    private static final Logger LOG = Logger.getLogger(RetryPolicy.class.getName());

    /** Tries once. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    private final int maxRetries;
    private final long initialMillis;
    private final long maxMillis;

    public RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        this.maxRetries = Math.max(0, maxRetries);
        this.initialMillis = Math.max(1, initialBackoff.toMillis());
        this.maxMillis = Math.max(this.initialMillis, maxBackoff.toMillis());
    }

    /** The policy the connection's {@code maxRetries}, {@code retryInitialBackoff} and {@code retryMaxBackoff} give. */
    public static RetryPolicy from(ConnectionConfig config) {
        long retries = config.integer(ConnectionProperty.MAX_RETRIES);
        return new RetryPolicy((int) Math.min(100, retries), config.duration(ConnectionProperty.RETRY_INITIAL_BACKOFF),
                config.duration(ConnectionProperty.RETRY_MAX_BACKOFF));
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** One try of a call; it makes (and tracks) a new OkHttp call each time. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws IOException, SQLException, RetryableStatus;
    }

    /**
     * An answer worth trying again (429, 502, 503, 504), carrying the failure to report if no
     * retry is left. Thrown by an {@link Attempt}; the response is closed by then.
     */
    public static final class RetryableStatus extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient SQLException failure;
        private final int status;
        private final long retryAfterMillis;

        /** Reads status and {@code Retry-After} of {@code response}, then closes it. */
        public RetryableStatus(Response response, SQLException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.status = response.code();
            this.retryAfterMillis = RetryAfter.millis(response.header("Retry-After"));
            response.close();
        }
    }

    /** Whether an HTTP status means "try again later" for an idempotent call. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, or retries are exhausted. A failure
     * that is not retried is thrown as it is; one after retries says how many attempts were made.
     */
    public <T> T execute(String endpoint, CallTracker tracker, Attempt<T> attempt) throws SQLException {
        for (int n = 1;; n++) {
            SQLException aborted = tracker.abortReason();
            if (aborted != null) {
                throw aborted;
            }
            SQLException failure;
            long serverWait = -1;
            String reason;
            try {
                return attempt.run();
            } catch (RetryableStatus s) {
                failure = s.failure;
                serverWait = s.retryAfterMillis;
                reason = "HTTP " + s.status;
            } catch (IOException e) {
                failure = HttpFailures.io(endpoint, e, tracker);
                if (tracker.abortReason() != null || !retryable(e)) {
                    throw n == 1 ? failure : gaveUp(failure, n, null);
                }
                reason = e.toString();
            }
            if (n > maxRetries) {
                throw n == 1 ? failure : gaveUp(failure, n, null);
            }
            if (serverWait > maxMillis) {
                throw gaveUp(failure, n, "the server asked to wait " + serverWait + " ms (Retry-After), longer than "
                        + "retryMaxBackoff allows");
            }
            long wait = Math.max(backoff(n), serverWait);
            long deadline = tracker.deadlineNanos();
            if (deadline != CallTracker.NO_DEADLINE && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) >= deadline) {
                throw gaveUp(failure, n, "the query timeout would expire before another attempt");
            }
            int next = n + 1;
            String why = reason;
            LOG.log(Level.INFO, () -> "Retrying " + endpoint + " (attempt " + next + " of " + (maxRetries + 1)
                    + ") in " + wait + " ms after " + why);
            tracker.pause(wait);
        }
    }

    /** The wait before retry {@code n} (1-based): exponential, capped, with "equal jitter" (half fixed, half random). */
    long backoff(int n) {
        long base = initialMillis << Math.min(20, n - 1);
        base = Math.min(maxMillis, base < 0 ? maxMillis : base);
        long half = base / 2;
        return half + ThreadLocalRandom.current().nextLong(base - half + 1);
    }

    /**
     * Transport failures where trying again may help: refused or reset connections, a server that
     * closed without (a whole) answer or sent garbage, a connect timeout. Not: unknown host or TLS
     * problems (configuration), read timeouts (see the class comment), aborted calls.
     */
    public static boolean retryable(IOException e) {
        if (e instanceof SqlExceptionCarrier || e instanceof UnknownHostException || e instanceof SSLException) {
            return false;
        }
        if (e instanceof SocketTimeoutException) {
            String m = e.getMessage();
            return m != null && m.toLowerCase(Locale.ROOT).contains("connect");
        }
        return !(e instanceof InterruptedIOException);
    }

    private static SQLException gaveUp(SQLException failure, int attempts, String why) {
        SqlState state = SqlState.forCode(failure.getSQLState());
        String message = failure.getMessage() + " (gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + (why == null ? "" : ": " + why) + ")";
        return Errors.sql(state != null ? state : SqlState.CONNECTION_FAILURE, message, failure);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initial=" + initialMillis + "ms, max=" + maxMillis + "ms]";
    }
}
