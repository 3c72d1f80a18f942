package dev.reportsql.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * A response body as it streams in: counts its bytes, refuses to read past the connection's
 * {@code maxResponseBytes}, and keeps its first and last few bytes so that an error about the
 * body can quote it. Not thread-safe: one reader reads one body.
 */
public final class GuardedBody extends FilterInputStream {
    private static final int HEAD = 160;
    private static final int TAIL = 120;

    private final long maxBytes;
    private final String endpoint;
    private final int status;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream(HEAD);
    private final byte[] tail = new byte[TAIL];
    private long count;

    /**
     * @param maxBytes the most bytes to accept; 0 or less for no limit
     * @param endpoint what was called, for messages
     * @param status   the HTTP status of the response, for messages
     */
    public GuardedBody(InputStream in, long maxBytes, String endpoint, int status) {
        super(in);
        this.maxBytes = maxBytes;
        this.endpoint = endpoint;
        this.status = status;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            seen(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            seen(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(0, n))];
        int read = read(sink, 0, sink.length);
        return Math.max(0, read);
    }

    /**
     * Works per chunk, not per byte: a body can be hundreds of megabytes, and a per-byte head check
     * and ring index cost more than parsing it. Only the chunk's last {@code TAIL} bytes can end
     * up in the ring, so only those are copied there.
     */
    private void seen(byte[] b, int off, int n) throws IOException {
        int toHead = Math.min(HEAD - head.size(), n);
        if (toHead > 0) {
            head.write(b, off, toHead);
        }
        int first = Math.max(0, n - TAIL);
        int slot = (int) ((count + first) % TAIL);
        for (int i = first; i < n; i++) {
            tail[slot] = b[off + i];
            slot = slot + 1 == TAIL ? 0 : slot + 1;
        }
        count += n;
        if (maxBytes > 0 && count > maxBytes) {
            throw new SqlExceptionCarrier(Errors.sql(SqlState.DATA_EXCEPTION, endpoint + " (HTTP " + status
                    + ") sent a body larger than maxResponseBytes = " + maxBytes + " bytes; it starts with: "
                    + HttpFailures.redact(text(head.toByteArray())) + ". Narrow the query with filters, or raise "
                    + "maxResponseBytes (0 for no limit)"));
        }
    }

    /** Bytes read so far. */
    public long bytesRead() {
        return count;
    }

    /**
     * What to add to a message about this body: endpoint, status, bytes read and a short,
     * secret-free excerpt of its start and (if more was read) its last bytes.
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(endpoint).append(", HTTP ").append(status).append(", ").append(count).append(" bytes read");
        if (count == 0) {
            return b.append(", empty body").toString();
        }
        b.append(", body starts with: ").append(HttpFailures.redact(text(head.toByteArray())));
        if (count > HEAD) {
            int n = (int) Math.min(TAIL, count - HEAD);
            byte[] last = new byte[n];
            for (int i = 0; i < n; i++) {
                last[i] = tail[(int) ((count - n + i) % TAIL)];
            }
            b.append(" ... last bytes read: ").append(HttpFailures.redact(text(last)));
        }
        return b.toString();
    }

    /** Bytes as one line of printable text (a cut UTF-8 sequence shows as a replacement character). */
    private static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c);
        }
        return out.append('\'').toString();
    }
}
