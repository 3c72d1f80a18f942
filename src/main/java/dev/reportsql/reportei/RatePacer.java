package dev.reportsql.reportei;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one merchant's requests under its rate limits: a sliding window of send times per second
 * and per minute, plus a pause that a 429 or an exhausted {@code X-RateLimit-Remaining} imposes.
 * Limits belong to the merchant, so every connection with the same API token and base URL shares
 * one pacer (keyed by a hash, never by the token itself).
 *
 * <p>The windows are counted slightly longer than the server's ({@link #SECOND_MARGIN}), because
 * the server counts arrivals and a request can take a few milliseconds to get there.
 */
final class RatePacer {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long SECOND_MARGIN = 250_000_000L;
    private static final long MINUTE_MARGIN = SECOND;
    private static final Map<String, RatePacer> SHARED = new ConcurrentHashMap<>();

    private final Deque<Long> sends = new ArrayDeque<>();
    private int perSecond = Integer.MAX_VALUE;
    private int perMinute = Integer.MAX_VALUE;
    private long pausedUntil = Long.MIN_VALUE;
    private long throttled;

    /** The pacer of this merchant at this base URL. */
    static RatePacer shared(String baseUrl, String apiToken) {
        return SHARED.computeIfAbsent(key(baseUrl, apiToken), k -> new RatePacer());
    }

    /** Sets the limits to pace under; values below 1 mean no limit of that kind. */
    synchronized void setLimits(long perSecond, long perMinute) {
        this.perSecond = perSecond < 1 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, perSecond);
        this.perMinute = perMinute < 1 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, perMinute);
    }

    synchronized int perSecond() {
        return perSecond;
    }

    synchronized int perMinute() {
        return perMinute;
    }

    /**
     * Claims a slot to send a request now and returns 0, or returns how many nanoseconds to wait
     * before asking again.
     */
    synchronized long reserve() {
        long now = System.nanoTime();
        if (now < pausedUntil) {
            return pausedUntil - now;
        }
        while (!sends.isEmpty() && now - sends.peekFirst() >= MINUTE + MINUTE_MARGIN) {
            sends.pollFirst();
        }
        if (sends.size() >= perMinute) {
            return sends.peekFirst() + MINUTE + MINUTE_MARGIN - now;
        }
        int inSecond = 0;
        long oldestInSecond = now;
        for (var it = sends.descendingIterator(); it.hasNext();) {
            long t = it.next();
            if (now - t >= SECOND + SECOND_MARGIN) {
                break;
            }
            inSecond++;
            oldestInSecond = t;
        }
        if (inSecond >= perSecond) {
            return oldestInSecond + SECOND + SECOND_MARGIN - now;
        }
        sends.addLast(now);
        return 0;
    }

    /** The server said no room is left in its window: pause everyone until {@code waitNanos} from now. */
    synchronized void pause(long waitNanos) {
        pausedUntil = Math.max(pausedUntil, System.nanoTime() + waitNanos);
    }

    /** Counts a 429 answer. */
    synchronized void countThrottled() {
        throttled++;
    }

    /** How many 429 answers requests through this pacer received. */
    synchronized long throttled() {
        return throttled;
    }

    private static String key(String baseUrl, String apiToken) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(baseUrl.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(apiToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
