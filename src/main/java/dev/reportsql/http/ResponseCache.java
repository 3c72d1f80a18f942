package dev.reportsql.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The optional result cache: complete response bodies of data calls, kept for a TTL and replayed
 * instead of calling the API again. Keys name the API, the user, the report and the exact filter
 * values, so users never share entries. Only a body read to its end is stored (a query that stopped
 * early, or a failed read, stores nothing), and a body larger than a quarter of the bound is never
 * stored. Instances with the same settings are shared by every connection in the JVM.
 */
public final class ResponseCache {
    private static final ConcurrentMap<String, ResponseCache> SHARED = new ConcurrentHashMap<>();

    private final Cache<String, byte[]> bodies;
    private final long maxEntryBytes;

    private ResponseCache(Duration ttl, long maxBytes) {
        this.maxEntryBytes = maxBytes / 4;
        this.bodies = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(maxBytes)
                .weigher((String k, byte[] v) -> v.length + k.length())
                .build();
    }

    /** The JVM-wide cache with these settings; null when {@code ttl} is zero (the cache is off). */
    public static ResponseCache shared(Duration ttl, long maxMegabytes) {
        if (ttl == null || ttl.isZero() || ttl.isNegative() || maxMegabytes <= 0) {
            return null;
        }
        long maxBytes = maxMegabytes * 1024 * 1024;
        return SHARED.computeIfAbsent(ttl.toMillis() + "ms/" + maxBytes, k -> new ResponseCache(ttl, maxBytes));
    }

    /** The stored body for this key, or null. */
    public byte[] get(String key) {
        return bodies.getIfPresent(key);
    }

    /** Wraps a live body so that, once it has been read to its end, it is stored under {@code key}. */
    public InputStream recording(String key, InputStream body) {
        return new Recorder(body, key);
    }

    /** Forgets every entry of every shared cache (tests). */
    public static void clearAll() {
        SHARED.values().forEach(c -> c.bodies.invalidateAll());
    }

    private final class Recorder extends FilterInputStream {
        private final String key;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream(8192);

        Recorder(InputStream in, String key) {
            super(in);
            this.key = key;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                finish();
            } else if (copy != null) {
                copy.write(b);
                checkSize();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n < 0) {
                finish();
            } else if (copy != null) {
                copy.write(buffer, off, n);
                checkSize();
            }
            return n;
        }

        private void checkSize() {
            if (copy.size() > maxEntryBytes) {
                copy = null; // too large to keep: stream on without recording
            }
        }

        private void finish() {
            if (copy != null) {
                bodies.put(key, copy.toByteArray());
                copy = null;
            }
        }
    }
}
