package dev.reportsql.reportei;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.observe.RequestEntry;
import dev.reportsql.http.RetryAfter;
import dev.reportsql.http.SqlExceptionCarrier;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Paces every Reportei call through the merchant's {@link RatePacer} and, when the server still
 * answers 429, waits as long as it says ({@code Retry-After}, else {@code X-RateLimit-Reset}, else
 * a growing back-off) and sends again, until the statement has spent {@code maxThrottleWait} in
 * total on such waits (all its calls together, pages fetched ahead included): then the call fails
 * with 57P03 saying what the server asked. Cancelling the call (the statement's cancel, close or
 * query timeout) ends the waiting at once.
 */
final class RateLimitInterceptor implements Interceptor {
    private static final long SLICE_NANOS = 50_000_000L;
    private static final long MAX_BACKOFF_NANOS = 30_000_000_000L;

    private final RatePacer pacer;
    private final long maxWaitNanos;
    /** Nanoseconds each running statement has waited on 429s; a statement's tracker lives as long as it runs. */
    private final Map<CallTracker, long[]> waited = Collections.synchronizedMap(new WeakHashMap<>());

    RateLimitInterceptor(RatePacer pacer, Duration maxThrottleWait) {
        this.pacer = pacer;
        this.maxWaitNanos = maxThrottleWait.toNanos();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long backoff = 1_000_000_000L;
        CallTracker tracker = chain.request().tag(CallTracker.class);
        long[] spent = tracker == null || tracker == CallTracker.NONE ? new long[1]
                : waited.computeIfAbsent(tracker, t -> new long[1]);
        RequestEntry entry = chain.request().tag(RequestEntry.class);
        while (true) {
            for (long wait = pacer.reserve(); wait > 0; wait = pacer.reserve()) {
                long before = System.nanoTime();
                sleep(chain.call(), wait);
                if (entry != null) {
                    entry.waited((System.nanoTime() - before) / 1_000_000L);
                }
            }
            Response response = chain.proceed(chain.request());
            observe(response);
            if (response.code() != 429) {
                return response;
            }
            pacer.countThrottled();
            long wait = waitAfter429(response, backoff);
            backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
            String asked = asked(response);
            response.close();
            charge(spent, wait, chain.request().method() + " " + chain.request().url().encodedPath(), asked);
            pacer.pause(wait);
        }
    }

    /** Adds {@code wait} to the statement's total, or fails the call if that would pass the budget. */
    private void charge(long[] spent, long wait, String call, String asked) throws SqlExceptionCarrier {
        synchronized (spent) {
            if (wait > 0 && wait > maxWaitNanos - spent[0]) {
                throw new SqlExceptionCarrier(Errors.sql(SqlState.SERVER_THROTTLING, "Reportei keeps throttling "
                        + call + " (HTTP 429 Too Many Requests" + asked + "): waiting " + seconds(wait)
                        + " more would pass maxThrottleWait (" + seconds(maxWaitNanos) + " per statement, "
                        + seconds(spent[0]) + " waited already); run the query later, lower its number of calls, "
                        + "or raise maxThrottleWait"));
            }
            spent[0] += wait;
        }
    }

    /** What the server said about waiting, for the message. */
    private static String asked(Response response) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            return ", Retry-After: " + retryAfter.trim();
        }
        String reset = response.header("X-RateLimit-Reset");
        return reset != null ? ", X-RateLimit-Reset: " + reset.trim() : ", no Retry-After";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** An exhausted window: nobody sends until it resets. */
    private void observe(Response response) {
        String remaining = response.header("X-RateLimit-Remaining");
        if (response.code() != 429 && "0".equals(remaining != null ? remaining.trim() : null)) {
            long reset = resetNanos(response);
            if (reset > 0) {
                pacer.pause(reset);
            }
        }
    }

    private static long waitAfter429(Response response, long backoff) {
        long retryAfter = RetryAfter.millis(response.header("Retry-After"));
        if (retryAfter >= 0) {
            return retryAfter >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : retryAfter * 1_000_000L;
        }
        long reset = resetNanos(response);
        return reset > 0 ? reset : backoff;
    }

    /** Nanoseconds until {@code X-RateLimit-Reset} (epoch seconds), or 0 when absent or past. */
    private static long resetNanos(Response response) {
        String reset = response.header("X-RateLimit-Reset");
        if (reset == null) {
            return 0;
        }
        try {
            long millis = Long.parseLong(reset.trim()) * 1000 - System.currentTimeMillis();
            return Math.max(0, millis) * 1_000_000L;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Sleeps in short slices so that a cancelled call stops waiting at once. */
    private static void sleep(Call call, long nanos) throws IOException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            if (call.isCanceled()) {
                throw new IOException("Canceled");
            }
            try {
                long slice = Math.min(left, SLICE_NANOS);
                Thread.sleep(slice / 1_000_000L, (int) (slice % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the Reportei rate limit");
            }
        }
        if (call.isCanceled()) {
            throw new IOException("Canceled");
        }
    }
}
