package dev.reportsql.http;

import java.io.IOException;
import java.util.function.LongConsumer;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A response body that reports every chunk of bytes read from it, as it is read off the network
 * (compressed, if the server compressed it), not when the response ends.
 */
final class CountedBody extends ResponseBody {
    private final ResponseBody body;
    private final BufferedSource source;

    CountedBody(ResponseBody body, LongConsumer bytesRead) {
        this.body = body;
        this.source = Okio.buffer(new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    bytesRead.accept(n);
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
