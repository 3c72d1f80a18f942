package dev.reportsql.types;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Holds a response that has to be read to its end before its first row can be used (its column
 * types depend on every value). The reader hands each raw row to {@link #add}, and the response's
 * bytes, as they are read, to {@link #copy()}. Up to {@code memoryRows} rows stay in memory as raw
 * rows; past that the spool keeps the response itself, every byte as the API sent it, in a
 * temporary file, and {@link #replayFile()} reads all its rows back through a
 * {@link JsonRowStream}, so replayed rows are exactly what a live read of the response gives.
 * (Writing the bytes once costs far less than writing each row out again.) The file is only
 * readable by its owner, and is deleted when it is opened for replay (or on close). Not thread-safe.
 */
public final class RowSpool implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final int memoryRows;
    private final String source;
    private final List<Map<String, Object>> memory = new ArrayList<>();
    /** The response's bytes until the rows outgrow memory, then null (they went to the file). */
    private ByteArrayOutputStream head = new ByteArrayOutputStream(1 << 16);
    private Path file;
    private OutputStream out;
    private IOException writeFailure;
    private long rows;
    private boolean replayed;

    /**
     * @param memoryRows how many rows stay in memory before the response goes to a temporary file
     * @param source the report, for messages
     */
    public RowSpool(int memoryRows, String source) {
        this.memoryRows = Math.max(0, memoryRows);
        this.source = source;
    }

    /**
     * Where the reader copies the response's bytes as it reads them. Writing never throws (a read of
     * the response must not fail for the disk's sake); a failure is reported by the next {@link #add}.
     */
    public OutputStream copy() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (writeFailure != null || replayed) {
                    return;
                }
                if (head != null) {
                    head.write(b, off, len);
                    return;
                }
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
        };
    }

    /** Counts one raw row (as {@link JsonRowStream#nextRaw()} gives it), keeping it while memory allows. */
    public void add(Map<String, Object> row) throws SQLException {
        if (replayed) {
            throw new IllegalStateException("The spool of " + source + " is already replayed");
        }
        rows++;
        if (head != null && rows > memoryRows) {
            spill();
        }
        if (head != null) {
            memory.add(row);
        }
        if (writeFailure != null) {
            throw writeFailed(writeFailure);
        }
    }

    /** The rows outgrew memory: the bytes so far go to a new file, and the rest follow them there. */
    private void spill() throws SQLException {
        try {
            file = Files.createTempFile("reportsql-rows-", ".json");
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            head.writeTo(out);
        } catch (IOException e) {
            writeFailure = e;
        }
        head = null;
        memory.clear();
    }

    private SQLException writeFailed(IOException e) {
        close();
        return Errors.sql(SqlState.GENERAL_ERROR, "Could not write the rows of " + source + " to a temporary"
                + " file (" + e.getMessage() + "): the report's first response is held until all its values are"
                + " classified; free disk space in " + System.getProperty("java.io.tmpdir")
                + " (java.io.tmpdir), or raise inferenceRows to hold more rows in memory", e);
    }

    /**
     * Counts one row the reader did not build, once the response is in the file (which holds it);
     * before that the rows go to {@link #add}.
     */
    public void count() throws SQLException {
        if (head != null) {
            throw new IllegalStateException("The spool of " + source + " keeps its rows until it spills");
        }
        rows++;
        if (writeFailure != null) {
            throw writeFailed(writeFailure);
        }
    }

    /** Rows counted so far. */
    public long size() {
        return rows;
    }

    /** Whether the response went to the temporary file. */
    public boolean spilled() {
        return file != null;
    }

    /** The rows kept in memory, in order; empty once the response went to the file, which holds them all. */
    public List<Map<String, Object>> memoryRows() {
        return Collections.unmodifiableList(memory);
    }

    /**
     * Ends the spool and opens the file's rows (all of the response's rows); null if every row is in
     * memory. The caller owns the stream; closing it releases the file, which no longer has a name by then.
     */
    public JsonRowStream replayFile() throws SQLException {
        replayed = true;
        head = null;
        if (out == null) {
            return null;
        }
        if (writeFailure != null) {
            throw writeFailed(writeFailure);
        }
        try {
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
        head = null;
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
}
