package dev.reportsql.types;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;

/** Test helpers: streams over JSON text, and reading all of a stream's rows. */
final class Json {
    static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** A stream over JSON text, parsed from a String. */
    static JsonRowStream stream(String json) {
        try {
            return new JsonRowStream(FACTORY.createParser(json), "TestReport");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream over bytes read from an InputStream, as a response body would be. */
    static JsonRowStream stream(InputStream in) {
        try {
            return new JsonRowStream(FACTORY.createParser(in), "TestReport");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An InputStream that hands out at most one byte per read, to exercise every buffer boundary. */
    static InputStream trickle(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    static List<Map<String, Object>> rawRows(String json) throws SQLException {
        try (JsonRowStream s = stream(json)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row = s.nextRaw(); row != null; row = s.nextRaw()) {
                rows.add(row);
            }
            return rows;
        }
    }
}
