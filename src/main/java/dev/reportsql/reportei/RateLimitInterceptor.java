package dev.reportsql.reportei;

import java.io.IOException;
import java.io.InterruptedIOException;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Paces every Reportei call through the merchant's {@link RatePacer} and, when the server still
 * answers 429, waits as long as it says ({@code Retry-After}, else {@code X-RateLimit-Reset}, else
 * a growing back-off) and sends again. It never gives up on its own: only cancelling the call (the
 * statement's cancel, close or query timeout) ends the waiting, so a query fails because of
 * throttling only when its time is up.
 */
final class RateLimitInterceptor implements Interceptor {
    private static final long SLICE_NANOS = 50_000_000L;
    private static final long MAX_BACKOFF_NANOS = 30_000_000_000L;

    private final RatePacer pacer;

    RateLimitInterceptor(RatePacer pacer) {
        this.pacer = pacer;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long backoff = 1_000_000_000L;
        while (true) {
            for (long wait = pacer.reserve(); wait > 0; wait = pacer.reserve()) {
                sleep(chain.call(), wait);
            }
            Response response = chain.proceed(chain.request());
            observe(response);
            if (response.code() != 429) {
                return response;
            }
            pacer.countThrottled();
            long wait = waitAfter429(response, backoff);
            backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
            response.close();
            pacer.pause(wait);
        }
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
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return Math.max(0, (long) (Double.parseDouble(retryAfter.trim()) * 1_000_000_000L));
            } catch (NumberFormatException e) {
                // an HTTP date: fall through to the other hints
            }
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
