package dev.reportsql.http;

import java.io.IOException;

import dev.reportsql.observe.RequestEntry;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Adds what happens on the wire to the {@link RequestEntry} a request is tagged with: one attempt
 * per exchange (a network interceptor sees retries and 429 repeats one by one), the status of the
 * latest, and the body bytes as they are read. Requests without an entry (token calls) pass through.
 */
public final class RequestRecording implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        RequestEntry entry = chain.request().tag(RequestEntry.class);
        if (entry == null) {
            return chain.proceed(chain.request());
        }
        entry.attempt();
        Response response = chain.proceed(chain.request());
        entry.status(response.code());
        ResponseBody body = response.body();
        return body == null ? response : response.newBuilder().body(new Counted(body, entry)).build();
    }

    /** A body that adds every byte read from it to the entry. */
    private static final class Counted extends ResponseBody {
        private final ResponseBody body;
        private final BufferedSource source;

        Counted(ResponseBody body, RequestEntry entry) {
            this.body = body;
            this.source = Okio.buffer(new ForwardingSource(body.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long n = super.read(sink, byteCount);
                    if (n > 0) {
                        entry.bytes(n);
                    }
                    return n;
                }
            });
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
