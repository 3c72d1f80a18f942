package dev.reportsql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The excerpt a body error quotes is the same whatever chunks the body was read in. */
class GuardedBodyTest {
    private static final byte[] BODY = body();

    private static byte[] body() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            b.append("{\"Line\":\"L").append(i).append("\",\"Qty\":").append(i * 7).append("},");
        }
        return b.append("{}]").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void excerptDoesNotDependOnChunkSizes() throws IOException {
        String byBytes = readAll(1);
        for (int chunk : new int[] {2, 7, 119, 120, 121, 160, 161, 1000, 8192}) {
            assertEquals(byBytes, readAll(chunk), "chunks of " + chunk);
        }
        assertTrue(byBytes.contains("body starts with: '[{\"Line\":\"L0\""), byBytes);
        assertTrue(byBytes.contains("\"Qty\":3493},{}]'"), byBytes);
        assertTrue(byBytes.contains(BODY.length + " bytes read"), byBytes);
    }

    @Test
    void shortBodyHasNoTailExcerpt() throws IOException {
        try (GuardedBody in = new GuardedBody(new ByteArrayInputStream(new byte[] {'[', ']'}), 0, "get-data", 200)) {
            assertEquals(2, in.read(new byte[10], 0, 10));
            assertEquals("get-data, HTTP 200, 2 bytes read, body starts with: '[]'", in.describe());
        }
    }

    /** Reads the body in reads of at most {@code chunk} bytes (single-byte reads for 1). */
    private static String readAll(int chunk) throws IOException {
        try (GuardedBody in = new GuardedBody(new ByteArrayInputStream(BODY), 0, "get-data", 200)) {
            byte[] buffer = new byte[chunk];
            long total = 0;
            while (true) {
                int n = chunk == 1 ? single(in, buffer) : in.read(buffer, 0, chunk);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            assertEquals(BODY.length, total);
            assertEquals(BODY.length, in.bytesRead());
            return in.describe();
        }
    }

    private static int single(GuardedBody in, byte[] buffer) throws IOException {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        buffer[0] = (byte) b;
        return 1;
    }
}
