package dev.reportsql.sql;

/**
 * An API call a scan will make, as {@code EXPLAIN} lists it and the call budget counts it.
 *
 * @param method   HTTP method
 * @param endpoint URL path (no host, no query)
 * @param table    the table the call reads
 * @param request  what is sent: the JSON body, or the query string; {@code ?N} stands for a
 *                 parameter not known while planning
 * @param count    how many such calls; -1 when only running the query tells (pages of a list)
 * @param cache    what the result cache would do: {@code off}, {@code hit} or {@code miss}
 * @param note     anything else worth knowing (pages, refusals), or null
 * @param pacing   the rate limit the calls are paced under, or null when the API has none
 */
public record PlannedCall(String method, String endpoint, String table, String request, long count, String cache,
        String note, Pacing pacing) {
    /** A rate limit: calls per second and per minute ({@link Integer#MAX_VALUE} when unknown). */
    public record Pacing(int perSecond, int perMinute) {
        /** The least whole seconds {@code calls} calls take under this limit alone. */
        public long leastSeconds(long calls) {
            long bySecond = perSecond == Integer.MAX_VALUE ? 0 : (calls - 1) / Math.max(1, perSecond);
            long byMinute = perMinute == Integer.MAX_VALUE ? 0 : (calls - 1) / Math.max(1, perMinute) * 60;
            return calls <= 0 ? 0 : Math.max(bySecond, byMinute);
        }
    }

    public PlannedCall(String method, String endpoint, String table, String request, long count, String cache,
            String note) {
        this(method, endpoint, table, request, count, cache, note, null);
    }

    /** The same call made at most twice as often, and why ({@link ReplayOnRepeat}). */
    public PlannedCall twice(String why) {
        return new PlannedCall(method, endpoint, table, request, count < 0 ? count : count * 2, cache,
                why + (note == null ? "" : "; " + note), pacing);
    }

    /** The same call made an unknown number of times, and why. */
    public PlannedCall repeated(String why) {
        return new PlannedCall(method, endpoint, table, request, -1, cache, why + (note == null ? "" : "; " + note),
                pacing);
    }
}
