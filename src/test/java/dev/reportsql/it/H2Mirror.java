package dev.reportsql.it;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * An H2 in-memory database holding exactly the rows the sandbox serves for each corpus table, read
 * over plain HTTP (not through the driver), in columns of the types the driver reports through
 * {@code getColumns}. Filter-only columns hold the value sent, as the driver shows them.
 */
final class H2Mirror implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final JsonFactory JSON = new JsonFactory();

    /** A raw JSON number, kept as the text the API wrote. */
    record RawNumber(String text) {
    }

    /** A column as the driver's getColumns reports it. */
    record Column(String name, int jdbcType, int size, int digits) {
    }

    private final Connection h2;
    private final Set<String> unfit = new TreeSet<>();

    H2Mirror() throws SQLException {
        // Unquoted names keep their case, as in the driver; quoted ones are exact in both.
        h2 = DriverManager.getConnection("jdbc:h2:mem:differential" + DATABASES.incrementAndGet()
                + ";DATABASE_TO_UPPER=FALSE;DB_CLOSE_DELAY=0");
    }

    Connection connection() {
        return h2;
    }

    /**
     * The columns ({@code table.column}) holding values that do not fit the type the driver inferred
     * from the first rows; H2 holds NULL for those values, and corpus queries that read such a
     * column expect the driver's error ({@code @error STATE only-driver}).
     */
    Set<String> unfitColumns() {
        return unfit;
    }

    /**
     * Mirrors one table: asks the driver for its columns (after a query with the table's filters, so
     * that a report with required filters has learnt its data columns), then loads the raw rows.
     */
    int mirror(SooperwizerSandbox sandbox, Connection driver, DifferentialCorpus.Table table) throws Exception {
        List<Column> columns = driverColumns(driver, table);
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append(quote(columns.get(i).name())).append(' ').append(h2Type(columns.get(i)));
        }
        try (Statement s = h2.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(quote(table.name())).append(" VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            insert.append(i == 0 ? "?" : ", ?");
        }
        List<Map<String, Object>> rows = rawRows(sandbox, table);
        try (PreparedStatement ps = h2.prepareStatement(insert.append(')').toString())) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    Object value = row.containsKey(c.name()) ? row.get(c.name()) : filterValue(table, c.name());
                    try {
                        ps.setObject(i + 1, convert(value, c, table));
                    } catch (IllegalStateException e) {
                        // The driver fails a query that reads this value; H2 holds NULL there.
                        unfit.add(table.name() + "." + c.name());
                        ps.setObject(i + 1, null);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    /** The value a filter-only column shows: the filter value sent, several joined with commas. */
    private static Object filterValue(DifferentialCorpus.Table table, String column) {
        JsonNode v = table.filters().get(column);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            return v.asText();
        }
        List<String> parts = new ArrayList<>();
        v.forEach(e -> parts.add(e.asText()));
        return String.join(",", parts);
    }

    /** {@code SELECT * FROM} the table with its filters as = or IN: the query the table's rows answer. */
    static String selectAll(DifferentialCorpus.Table table) {
        StringBuilder where = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = table.filters().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            List<String> values = new ArrayList<>();
            (f.getValue().isArray() ? f.getValue() : List.of(f.getValue())).forEach(
                    v -> values.add("'" + v.asText().replace("'", "''") + "'"));
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(quote(f.getKey()))
                    .append(" IN (").append(String.join(", ", values)).append(')');
        }
        return "SELECT * FROM " + quote(table.name()) + where;
    }

    private static List<Column> driverColumns(Connection driver, DifferentialCorpus.Table table) throws SQLException {
        try (Statement s = driver.createStatement();
                ResultSet rs = s.executeQuery(selectAll(table) + " FETCH FIRST 1 ROWS ONLY")) {
            rs.next(); // the query teaches the connection the report's data columns
        }
        List<Column> columns = new ArrayList<>();
        DatabaseMetaData md = driver.getMetaData();
        try (ResultSet rs = md.getColumns(null, null, table.name(), null)) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equals(table.name())) {
                    continue; // the name is a pattern: '_' matches any character
                }
                columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("DECIMAL_DIGITS")));
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("the driver reports no columns for " + table.name());
        }
        return columns;
    }

    private static String h2Type(Column c) {
        return switch (c.jdbcType()) {
            case Types.TINYINT -> "TINYINT";
            case Types.SMALLINT -> "SMALLINT";
            case Types.INTEGER -> "INTEGER";
            case Types.BIGINT -> "BIGINT";
            case Types.REAL -> "REAL";
            case Types.FLOAT, Types.DOUBLE -> "DOUBLE PRECISION";
            case Types.DECIMAL, Types.NUMERIC -> "NUMERIC(" + c.size() + ", " + c.digits() + ")";
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            case Types.DATE -> "DATE";
            case Types.TIME -> "TIME(" + c.digits() + ")";
            case Types.TIMESTAMP -> "TIMESTAMP(" + c.digits() + ")";
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR -> "CHARACTER VARYING";
            default -> throw new IllegalStateException("no H2 type for column " + c);
        };
    }

    /**
     * The JSON value as the H2 column's Java value. Only conversions that lose nothing are made: a
     * value that does not fit fails the load, since the driver must then fail the query too.
     */
    private static Object convert(Object v, Column c, DifferentialCorpus.Table table) {
        if (v == null) {
            return null;
        }
        String text = v instanceof RawNumber n ? n.text() : v.toString();
        try {
            return switch (c.jdbcType()) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                    BigInteger i = new BigDecimal(text.strip()).toBigIntegerExact();
                    yield i.longValueExact();
                }
                case Types.DECIMAL, Types.NUMERIC -> {
                    BigDecimal d = new BigDecimal(text.strip());
                    yield d.stripTrailingZeros().scale() > c.digits() ? fail(v) : d.setScale(c.digits());
                }
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> Double.parseDouble(text);
                case Types.BOOLEAN, Types.BIT -> v instanceof Boolean b ? b : booleanText(text);
                case Types.DATE -> LocalDate.parse(text);
                case Types.TIMESTAMP -> text.length() == 10 ? LocalDate.parse(text).atStartOfDay()
                        : LocalDateTime.parse(text.replace(' ', 'T'));
                case Types.TIME -> LocalTime.parse(text);
                default -> text;
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException("table " + table.name() + ", column " + c.name() + ": value '" + text
                    + "' does not fit " + h2Type(c), e);
        }
    }

    private static Boolean booleanText(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> fail(text);
        };
    }

    private static <T> T fail(Object v) {
        throw new IllegalArgumentException("not convertible: " + v);
    }

    /** The rows of one get-data call, read with a streaming parser so that numbers keep their text. */
    static List<Map<String, Object>> rawRows(SooperwizerSandbox sandbox, DifferentialCorpus.Table table)
            throws IOException, InterruptedException {
        String body = "{\"ReportID\":" + table.reportId() + ",\"filters\":" + table.filters() + "}";
        HttpClient http = HttpClient.newHttpClient();
        String password = table.user() + "-pw";
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(sandbox.keycloakUrl()
                + "/realms/wimetrix/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=frontend&scope=openid&username="
                        + table.user() + "&password=" + password))
                .build(), HttpResponse.BodyHandlers.ofString());
        String access = RawApi.JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> data = http.send(HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "/report/get-data"))
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (data.statusCode() != 200) {
            throw new IllegalStateException("get-data " + body + " answered " + data.statusCode() + ": " + data.body());
        }
        return parseRows(data.body());
    }

    static List<Map<String, Object>> parseRows(String json) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("expected an array of rows");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> row = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    row.put(key, value(p, p.nextToken()));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new RawNumber(p.getText());
            case VALUE_STRING -> p.getText();
            default -> compactJson(p);
        };
    }

    /** A nested object or array as compact JSON text, numbers written as the API wrote them. */
    private static String compactJson(JsonParser p) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            int depth = 0;
            JsonToken t = p.currentToken();
            do {
                switch (t) {
                    case START_OBJECT -> { g.writeStartObject(); depth++; }
                    case START_ARRAY -> { g.writeStartArray(); depth++; }
                    case END_OBJECT -> { g.writeEndObject(); depth--; }
                    case END_ARRAY -> { g.writeEndArray(); depth--; }
                    case FIELD_NAME -> g.writeFieldName(p.currentName());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                    case VALUE_STRING -> g.writeString(p.getText());
                    case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(t == JsonToken.VALUE_TRUE);
                    default -> g.writeNull();
                }
                t = depth > 0 ? p.nextToken() : null;
            } while (t != null);
        }
        return out.toString();
    }

    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws SQLException {
        h2.close();
    }
}
