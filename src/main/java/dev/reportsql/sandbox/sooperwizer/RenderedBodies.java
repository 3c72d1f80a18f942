package dev.reportsql.sandbox.sooperwizer;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * get-data bodies rendered once into files and then sent from there with a fixed length, for
 * benchmarks: generating a million rows costs the sandbox more CPU than reading them costs a
 * client, which would hide the client's own cost. The bytes are exactly those the generator
 * writes, and the files live outside the heap, so they do not count against a client's memory.
 */
final class RenderedBodies {
    /** Writes a body to the stream it is given. */
    interface Renderer {
        void render(OutputStream out) throws IOException;
    }

    private static final int COPY_BUFFER = 64 * 1024;

    private final Path dir;
    private final ConcurrentMap<String, Path> files = new ConcurrentHashMap<>();

    RenderedBodies(Path dir) {
        this.dir = dir;
    }

    /**
     * Sends the body for {@code key} (the report and request body), rendering it first if this is
     * the first request with that key. Returns the number of body bytes sent.
     */
    long send(HttpExchange exchange, String key, Renderer renderer) throws IOException {
        Path file = files.computeIfAbsent(key, k -> renderToFile(k, renderer));
        long length = Files.size(file);
        exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The client went away mid-body, as with a generated stream: nothing more to do.
        }
        return length;
    }

    private Path renderToFile(String key, Renderer renderer) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(digest(key) + ".json");
            if (!Files.exists(target)) {
                Path tmp = Files.createTempFile(dir, "render", ".tmp");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), COPY_BUFFER)) {
                    renderer.render(out);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render a get-data body into " + dir, e);
        }
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
