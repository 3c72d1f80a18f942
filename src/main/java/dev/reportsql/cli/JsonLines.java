package dev.reportsql.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One JSON object per row and line, keyed by column label, with typed values: numbers as JSON
 * numbers (DECIMAL exactly as the driver returns it), booleans as booleans, NULL as null, and every
 * other type as the text {@code getString} gives (dates and times in ISO form).
 */
final class JsonLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {
    }

    static ResultPrinter.Printed print(ResultSet rs, PrintStream out, Progress progress) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        String[] labels = new String[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = md.getColumnLabel(i + 1);
            types[i] = md.getColumnType(i + 1);
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (JsonGenerator g = FACTORY.createGenerator(writer)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            while (rs.next()) {
                g.writeStartObject();
                for (int i = 0; i < n; i++) {
                    g.writeFieldName(labels[i]);
                    value(rs, i + 1, types[i], g);
                }
                g.writeEndObject();
                g.writeRaw('\n');
                g.flush();
                progress.row();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResultPrinter.Printed(progress.rows(), false);
    }

    private static void value(ResultSet rs, int column, int type, JsonGenerator g) throws SQLException, IOException {
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long v = rs.getLong(column);
                if (rs.wasNull()) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double v = rs.getDouble(column);
                if (rs.wasNull()) {
                    g.writeNull();
                } else {
                    g.writeNumber(v); // NaN and infinities have no JSON number: Jackson writes them as strings
                }
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal v = rs.getBigDecimal(column);
                if (v == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(column);
                if (rs.wasNull()) {
                    g.writeNull();
                } else {
                    g.writeBoolean(v);
                }
            }
            default -> {
                String v = rs.getString(column);
                if (v == null) {
                    g.writeNull();
                } else {
                    g.writeString(v);
                }
            }
        }
    }
}
