package dev.reportsql.sandbox.reportei;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Reportei sandbox's rate limit: sliding windows of one second and one minute over the arrival
 * times of a merchant's authenticated requests. A request over either limit is refused (HTTP 429)
 * and not counted; the answer says how long until the window has room again.
 */
final class ReporteiRateLimit {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    /** The outcome for one request: admitted or not, and what the headers say. */
    record Decision(boolean admitted, int limit, int remaining, long retryAfterNanos) {
    }

    private final Deque<Long> arrivals = new ArrayDeque<>();
    private int perSecond;
    private int perMinute;
    private int maxInAnySecond;
    private int refused;

    ReporteiRateLimit(int perSecond, int perMinute) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
    }

    synchronized void setLimits(int perSecond, int perMinute) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
    }

    synchronized int perSecond() {
        return perSecond;
    }

    synchronized int perMinute() {
        return perMinute;
    }

    /** Admits or refuses a request arriving now. */
    synchronized Decision arrive() {
        long now = System.nanoTime();
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= MINUTE) {
            arrivals.pollFirst();
        }
        int inSecond = 0;
        Long oldestInSecond = null;
        for (var it = arrivals.descendingIterator(); it.hasNext();) {
            long t = it.next();
            if (now - t >= SECOND) {
                break;
            }
            inSecond++;
            oldestInSecond = t;
        }
        if (arrivals.size() >= perMinute) {
            refused++;
            return new Decision(false, perMinute, 0, arrivals.peekFirst() + MINUTE - now);
        }
        if (inSecond >= perSecond) {
            refused++;
            return new Decision(false, perMinute, perMinute - arrivals.size(), oldestInSecond + SECOND - now);
        }
        arrivals.addLast(now);
        maxInAnySecond = Math.max(maxInAnySecond, inSecond + 1);
        return new Decision(true, perMinute, perMinute - arrivals.size(), 0);
    }

    /** The most admitted requests seen within any one-second window. */
    synchronized int maxInAnySecond() {
        return maxInAnySecond;
    }

    /** How many requests were refused with 429. */
    synchronized int refused() {
        return refused;
    }

    /** Forgets past arrivals and counters (the limits stay). */
    synchronized void reset() {
        arrivals.clear();
        maxInAnySecond = 0;
        refused = 0;
    }
}
