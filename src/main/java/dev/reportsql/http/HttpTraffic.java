package dev.reportsql.http;

import java.util.concurrent.atomic.LongAdder;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Counts the driver's HTTP calls and the response bytes they received, for the whole JVM, so that
 * a caller that runs one statement at a time (the command line's progress line) can show how much
 * a pull has fetched so far. Bytes are counted as they are read off the network (compressed, if
 * the server compressed them), not when a response ends.
 */
public final class HttpTraffic {
    private static final LongAdder CALLS = new LongAdder();
    private static final LongAdder BYTES = new LongAdder();

    /** A network interceptor: each request that reaches the network is one call, retries included. */
    static final Interceptor COUNTER = chain -> {
        CALLS.increment();
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        return response.newBuilder().body(new CountedBody(body, BYTES::add)).build();
    };

    /** Calls and bytes at one moment; subtract two to get what happened between them. */
    public record Snapshot(long calls, long bytes) {
        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(calls - earlier.calls, bytes - earlier.bytes);
        }
    }

    private HttpTraffic() {
    }

    public static Snapshot snapshot() {
        return new Snapshot(CALLS.sum(), BYTES.sum());
    }
}
