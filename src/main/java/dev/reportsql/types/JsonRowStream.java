package dev.reportsql.types;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Reads a report response, a top-level JSON array of row objects, one row at a time.
 *
 * <p>A response that is cut short or is not what it should be never looks like a complete result:
 * {@link #next} and {@link #nextRaw} return null only after the closing {@code ]} was read and
 * nothing but whitespace followed. Otherwise they throw 08006 (input ended early, or the stream
 * failed) or 22P02 (not JSON, or not an array of objects). After a failure every call throws the
 * same exception again. Not thread-safe: one scan reads one stream.
 */
public final class JsonRowStream implements Closeable {
    /** Cap on {@link #unknownKeys()}, so a misbehaving API cannot grow it without bound. */
    static final int MAX_UNKNOWN_KEYS = 1000;

    private enum State { NOT_STARTED, IN_ARRAY, AFTER_ARRAY, DONE, FAILED, CLOSED }

    private final JsonParser parser;
    private final String source;
    private final UnaryOperator<SQLException> onFailure;
    private final Set<String> unknownKeys = new LinkedHashSet<>();
    private final TemporalMemo dates = new TemporalMemo();
    private final TextMemo texts = new TextMemo();
    private State state = State.NOT_STARTED;
    private SQLException failure;
    private long rowsRead;

    /**
     * @param parser a parser that has not read any token yet; this stream owns and closes it
     * @param source the report or endpoint, for messages (never a URL with secrets in it)
     * @throws IllegalArgumentException if the parser has already started
     */
    public JsonRowStream(JsonParser parser, String source) {
        this(parser, source, UnaryOperator.identity());
    }

    /**
     * As {@link #JsonRowStream(JsonParser, String)}; every failure passes through {@code onFailure}
     * once, so the owner of the stream can add what only it knows (the endpoint, the HTTP status,
     * an excerpt of the body) or substitute its own failure (a size limit it enforces).
     */
    public JsonRowStream(JsonParser parser, String source, UnaryOperator<SQLException> onFailure) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.source = Objects.requireNonNull(source, "source");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        if (parser.currentToken() != null) {
            throw new IllegalArgumentException("The parser for " + source + " has already started");
        }
    }

    /**
     * The next row as raw values in key order, or null after the end of the array. Values are
     * Long or BigInteger (integers), BigDecimal (numbers with a fraction or exponent; the exact
     * text is kept for VARCHAR and inference), String, Boolean, null, or {@link RawJson} holding
     * the compact text of a nested object or array.
     *
     * @throws SQLException 08006 if the response ended early or could not be read, 22P02 if it is
     *     not a JSON array of objects
     */
    public Map<String, Object> nextRaw() throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        return nextCells(row::put) ? row : null;
    }

    /**
     * Counts the next row's values in {@code classifier} without building the row, as
     * {@link #nextRaw()} followed by {@link RowClassifier#add} would (a key repeated in one object
     * counts each of its values, so the type holds either); false after the end of the array.
     */
    public boolean classifyNext(RowClassifier classifier) throws SQLException {
        if (!nextCells(classifier::value)) {
            return false;
        }
        classifier.endRow();
        return true;
    }

    /** Hands each key and raw value of the next row to {@code cells}; false after the end of the array. */
    private boolean nextCells(BiConsumer<String, Object> cells) throws SQLException {
        if (!startRow()) {
            return false;
        }
        try {
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                cells.accept(key, TokenConverter.raw(parser, valueToken()));
            }
            endRow(t);
            return true;
        } catch (IOException e) {
            throw fail(translate(e));
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /**
     * The next row in {@code layout}'s column order and internal values, or null after the end of
     * the array. Keys the layout lacks are skipped and remembered in {@link #unknownKeys()}; a
     * column whose key is missing from the row is null.
     *
     * @throws SQLException 22003, 22018 or 22007 when a value does not fit its column; 08006 or
     *     22P02 as for {@link #nextRaw()}
     */
    public Object[] next(RowLayout layout) throws SQLException {
        return next(layout, null);
    }

    /**
     * As {@link #next(RowLayout)}, but the values of columns whose {@code needed} entry is false are
     * skipped, not converted: they stay null in the row (and a value that would not fit such a
     * column is not noticed, since nothing reads it). {@code needed} null means every column.
     */
    public Object[] next(RowLayout layout, boolean[] needed) throws SQLException {
        return next(layout, needed, null);
    }

    /**
     * As {@link #next(RowLayout, boolean[])}, but with {@code misfits} given a value that does not
     * fit its column reads as NULL and is added to {@code misfits} instead of failing the row
     * (null: fail, as {@link #next(RowLayout)} does). Errors of the response itself still fail.
     */
    public Object[] next(RowLayout layout, boolean[] needed, Misfits misfits) throws SQLException {
        if (!startRow()) {
            return null;
        }
        try {
            Object[] row = new Object[layout.size()];
            String report = layout.reportName();
            int expected = 0;
            int columns = layout.size();
            JsonToken t;
            while (true) {
                int i;
                String key = null;
                // Rows list their keys in one order: Jackson compares the expected key with the raw
                // bytes, without decoding the name or looking it up in its symbol table.
                if (expected < columns && parser.nextFieldName(layout.encodedKey(expected))) {
                    i = expected;
                } else {
                    t = expected < columns ? parser.currentToken() : parser.nextToken();
                    if (t != JsonToken.FIELD_NAME) {
                        break;
                    }
                    key = parser.currentName();
                    i = layout.slot(key, expected);
                }
                JsonToken value = valueToken();
                if (i < 0) {
                    if (unknownKeys.size() < MAX_UNKNOWN_KEYS) {
                        unknownKeys.add(key);
                    }
                    parser.skipChildren();
                    continue;
                }
                if (needed != null && !needed[i]) {
                    parser.skipChildren(); // a scalar's text is never decoded once the parser moves on
                    expected = i + 1;
                    continue;
                }
                ColumnDef column = layout.column(i);
                if (value == JsonToken.VALUE_STRING && column.type() == ColumnType.VARCHAR) {
                    row[i] = texts.read(parser, i);
                } else if (misfits == null) {
                    row[i] = TokenConverter.read(parser, value, column, report, dates);
                } else {
                    row[i] = readOrNull(value, column, report, misfits);
                }
                expected = i + 1;
            }
            endRow(t);
            return row;
        } catch (IOException e) {
            throw fail(translate(e));
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    /** The value's internal value, or null after noting it in {@code misfits} if it does not fit. */
    private Object readOrNull(JsonToken value, ColumnDef column, String report, Misfits misfits)
            throws IOException {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            String text = TokenConverter.compactText(parser);
            try {
                return ValueConverter.fromNested(text, column, report);
            } catch (SQLException e) {
                misfits.add(column, new RawJson(text), e);
                return null;
            }
        }
        try {
            return TokenConverter.read(parser, value, column, report, dates);
        } catch (SQLException e) {
            // Only conversions throw SQLException here, and they leave the parser on the value.
            misfits.add(column, TokenConverter.raw(parser, value), e);
            return null;
        }
    }

    /**
     * JSON keys met by {@link #next(RowLayout)} that its layout has no column for, in order of
     * first appearance (at most the first 1000). A caller may log them: the API has added fields
     * since the columns were inferred.
     */
    public Set<String> unknownKeys() {
        return Collections.unmodifiableSet(unknownKeys);
    }

    /** Rows returned so far by {@link #next} and {@link #nextRaw} together. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Closes the parser and with it the response body. Later reads throw 08003. */
    @Override
    public void close() {
        if (state != State.FAILED) {
            state = State.CLOSED;
        }
        try {
            parser.close();
        } catch (IOException e) {
            // Nothing is lost: the rows already read are complete, and an unread rest is abandoned on purpose.
        }
    }

    /** Moves to the next row's '{'; false at the end of the array (after checking nothing follows it). */
    private boolean startRow() throws SQLException {
        switch (state) {
            case DONE:
                return false;
            case FAILED:
                throw failure;
            case CLOSED:
                throw Errors.closed("row stream for " + source);
            default:
                break;
        }
        try {
            if (state == State.NOT_STARTED) {
                openArray();
            }
            JsonToken t = parser.nextToken();
            if (t == JsonToken.START_OBJECT) {
                return true;
            }
            if (t == JsonToken.END_ARRAY) {
                state = State.AFTER_ARRAY;
                JsonToken after = parser.nextToken();
                if (after != null) {
                    throw invalid("unexpected content after the end of the JSON array (" + describe(after) + ")",
                            parser.currentTokenLocation());
                }
                state = State.DONE;
                return false;
            }
            if (t == null) {
                throw truncated(null);
            }
            throw invalid("element " + (rowsRead + 1) + " of the JSON array is " + describe(t)
                    + ", not a row object", parser.currentTokenLocation());
        } catch (IOException e) {
            throw fail(translate(e));
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private void openArray() throws IOException, SQLException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            state = State.IN_ARRAY;
            return;
        }
        if (first == null) {
            state = State.IN_ARRAY; // an empty body is a response cut off before it began
            throw truncated(null);
        }
        String detail = "";
        if (first == JsonToken.START_OBJECT) {
            // Often an error document such as {"message": "..."}: show its start, it says what went wrong.
            try {
                detail = ": " + ValueConverter.quote(TokenConverter.compactText(parser));
            } catch (IOException e) {
                detail = "";
            }
        }
        throw invalid("expected a JSON array of row objects but the response starts with " + describe(first) + detail,
                null);
    }

    /** The token after a field name, which must exist. */
    private JsonToken valueToken() throws IOException, SQLException {
        JsonToken value = parser.nextToken();
        if (value == null) {
            throw truncated(null);
        }
        return value;
    }

    private void endRow(JsonToken t) throws SQLException {
        if (t != JsonToken.END_OBJECT) {
            // Jackson reports a bad or missing token itself; null means input ended inside the row.
            throw truncated(null);
        }
        rowsRead++;
    }

    private SQLException fail(SQLException e) {
        if (state == State.FAILED && e == failure) {
            return e;
        }
        state = State.FAILED;
        failure = onFailure.apply(e);
        return failure;
    }

    private SQLException translate(IOException e) {
        if (e instanceof JsonEOFException) {
            return truncated(e);
        }
        if (e instanceof StreamConstraintsException) {
            return Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, "The response from " + source
                    + " exceeds the JSON parser's limits after " + rowsRead + " rows: " + e.getMessage(), e);
        }
        if (e instanceof JsonProcessingException jpe) {
            // A body cut inside a literal or number ("tr", "12.") fails as a syntax error rather
            // than EOF; if the parser had consumed all input by then, the body was cut short.
            if (state == State.IN_ARRAY && consumedAllInput()) {
                return truncated(e);
            }
            return invalid("invalid JSON: " + jpe.getOriginalMessage(), jpe.getLocation(), e);
        }
        return Errors.sql(SqlState.CONNECTION_FAILURE, "Reading the response from " + source + " failed after "
                + rowsRead + " rows: " + e, e);
    }

    /** True if the parser holds no unread input and has reached the end of its source. */
    private boolean consumedAllInput() {
        try {
            int buffered = parser.releaseBuffered(OutputStream.nullOutputStream());
            if (buffered < 0) {
                buffered = parser.releaseBuffered(Writer.nullWriter());
            }
            // Jackson drops its input source once a read returned end of input (in-memory parsers never have one).
            return buffered == 0 && parser.getInputSource() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private SQLException truncated(Throwable cause) {
        return Errors.sql(SqlState.CONNECTION_FAILURE, "The response from " + source
                + " ended before the JSON array was complete (" + rowsRead + " rows read); the connection"
                + " was probably cut: run the query again", cause);
    }

    private SQLException invalid(String problem, JsonLocation where) {
        return invalid(problem, where, null);
    }

    private SQLException invalid(String problem, JsonLocation where, Throwable cause) {
        String at = where == null || where.getLineNr() < 0 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
        return Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, "The response from " + source + " is not a report"
                + " result: " + problem + at, cause);
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
