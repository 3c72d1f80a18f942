package dev.reportsql.types;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Holds the rows of a response that has to be read to its end before its first row can be used
 * (its column types depend on every value). The first {@code memoryRows} rows stay in memory as raw
 * rows; the rest are written to a temporary file as JSON, exactly as they came (numbers as written,
 * nested values as compact text), and read back through a {@link JsonRowStream} on replay. The file
 * is only readable by its owner, and is deleted when it is opened for replay (or on close).
 * Not thread-safe.
 */
public final class RowSpool implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final int memoryRows;
    private final String source;
    private final List<Map<String, Object>> memory = new ArrayList<>();
    private Path file;
    private JsonGenerator out;
    private long fileRows;
    private boolean replayed;

    /**
     * @param memoryRows how many rows stay in memory before the rest go to a temporary file
     * @param source the report, for messages
     */
    public RowSpool(int memoryRows, String source) {
        this.memoryRows = Math.max(0, memoryRows);
        this.source = source;
    }

    /** Keeps one raw row (as {@link JsonRowStream#nextRaw()} gives it). */
    public void add(Map<String, Object> row) throws SQLException {
        if (replayed) {
            throw new IllegalStateException("The spool of " + source + " is already replayed");
        }
        if (memory.size() < memoryRows) {
            memory.add(row);
            return;
        }
        try {
            if (out == null) {
                file = Files.createTempFile("reportsql-rows-", ".json");
                OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                out = JSON.createGenerator(stream, JsonEncoding.UTF8);
                out.writeStartArray();
            }
            write(row);
            fileRows++;
        } catch (IOException e) {
            close();
            throw Errors.sql(SqlState.GENERAL_ERROR, "Could not write the rows of " + source + " to a temporary"
                    + " file (" + e.getMessage() + "): the report's first response is held until all its values are"
                    + " classified; free disk space in " + System.getProperty("java.io.tmpdir")
                    + " (java.io.tmpdir), or raise inferenceRows to hold more rows in memory", e);
        }
    }

    /** Rows kept so far, in memory and in the file. */
    public long size() {
        return memory.size() + fileRows;
    }

    /** Whether some rows went to the temporary file. */
    public boolean spilled() {
        return file != null;
    }

    /** The rows kept in memory, in order; they come before the file's rows. */
    public List<Map<String, Object>> memoryRows() {
        return Collections.unmodifiableList(memory);
    }

    /**
     * Ends the spool and opens the file's rows, which follow {@link #memoryRows()}; null if every
     * row is in memory. The caller owns the stream; closing it releases the file, which no longer
     * has a name by then.
     */
    public JsonRowStream replayFile() throws SQLException {
        replayed = true;
        if (out == null) {
            return null;
        }
        try {
            out.writeEndArray();
            out.close();
            out = null;
            // DELETE_ON_CLOSE unlinks the file as it opens on POSIX systems, and on close elsewhere.
            InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            file = null;
            return new JsonRowStream(JSON.createParser(in), source + " (rows held in a temporary file)");
        } catch (IOException e) {
            close();
            throw Errors.sql(SqlState.GENERAL_ERROR, "Could not read back the rows of " + source
                    + " from a temporary file: " + e.getMessage(), e);
        }
    }

    /** Drops the rows and deletes the file if it was not handed out for replay. */
    @Override
    public void close() {
        memory.clear();
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // The file is deleted next; what it holds no longer matters.
            }
            out = null;
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
            file = null;
        }
    }

    private void write(Map<String, Object> row) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Object> cell : row.entrySet()) {
            out.writeFieldName(cell.getKey());
            Object v = cell.getValue();
            if (v == null) {
                out.writeNull();
            } else if (v instanceof Long l) {
                out.writeNumber(l);
            } else if (v instanceof JsonDecimal d) {
                out.writeNumber(d.text()); // as written: 87.30 and 1e3 must come back the same
            } else if (v instanceof BigDecimal d) {
                out.writeNumber(d.toString());
            } else if (v instanceof BigInteger i) {
                out.writeNumber(i);
            } else if (v instanceof String s) {
                out.writeString(s);
            } else if (v instanceof Boolean b) {
                out.writeBoolean(b);
            } else if (v instanceof RawJson json) {
                out.writeRawValue(json.text());
            } else if (v instanceof Number n) {
                out.writeNumber(n.toString());
            } else {
                out.writeString(v.toString());
            }
        }
        out.writeEndObject();
    }
}
