package dev.reportsql.types;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Turns the parser's current value token into a raw value or straight into a column's internal
 * value. The conversion rules are {@link ValueConverter}'s; this class only picks the cheapest way
 * to read each token (a long without boxing detours, date text from the parser's char buffer) so
 * that numeric and date cells cost no String.
 */
final class TokenConverter {
    /** Only writes compact text of nested values; factories are thread-safe. */
    private static final JsonFactory COMPACT = new JsonFactory();

    private TokenConverter() {
    }

    /**
     * The internal value of the value token {@code t} on which {@code p} stands, for column {@code c}.
     * Leaves the parser on the value's last token (the closing bracket of a nested value). Date and
     * timestamp texts go through {@code dates}, the stream's memo of the last one (null: none).
     */
    static Object read(JsonParser p, JsonToken t, ColumnDef c, String report, TemporalMemo dates)
            throws IOException, SQLException {
        try {
            switch (t) {
                case VALUE_NULL:
                    return null;
                case VALUE_NUMBER_INT:
                    if (c.type() == ColumnType.VARCHAR) {
                        return p.getText();
                    }
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return ValueConverter.fromBigInteger(p.getBigIntegerValue(), c, report, null);
                    }
                    return ValueConverter.fromLong(p.getLongValue(), c, report, null);
                case VALUE_NUMBER_FLOAT:
                    return readFloat(p, c, report);
                case VALUE_STRING:
                    if (c.type() == ColumnType.DATE || c.type() == ColumnType.TIMESTAMP) {
                        if (dates != null) {
                            return dates.read(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), c, report);
                        }
                        return ValueConverter.fromTemporal(p.getTextCharacters(), p.getTextOffset(),
                                p.getTextLength(), c, report);
                    }
                    return ValueConverter.fromString(p.getText(), c, report);
                case VALUE_TRUE:
                    return ValueConverter.fromBoolean(true, c, report);
                case VALUE_FALSE:
                    return ValueConverter.fromBoolean(false, c, report);
                case START_OBJECT:
                case START_ARRAY:
                    return ValueConverter.fromNested(compactText(p), c, report);
                default:
                    throw new JsonParseException(p, "Unexpected token " + t + " where a value was expected");
            }
        } catch (NumberFormatException e) {
            // Only reachable with non-standard parser features such as NaN literals.
            throw new JsonParseException(p, "Not a finite JSON number: " + p.getText(), e);
        }
    }

    /**
     * The raw value of the value token {@code t}: Long or BigInteger, BigDecimal keeping its text,
     * String, Boolean, null or {@link RawJson}.
     */
    static Object raw(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return p.getBigIntegerValue();
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                try {
                    return new JsonDecimal(p.getText());
                } catch (NumberFormatException e) {
                    throw new JsonParseException(p, "Not a finite JSON number: " + p.getText(), e);
                }
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case START_OBJECT:
            case START_ARRAY:
                return new RawJson(compactText(p));
            default:
                throw new JsonParseException(p, "Unexpected token " + t + " where a value was expected");
        }
    }

    /**
     * The compact JSON text of the nested value starting at the current token, leaving the parser
     * on its closing bracket. Numbers are copied as written: Jackson's own structure copy would
     * turn {@code 87.30} into the double {@code 87.3}.
     */
    static String compactText(JsonParser p) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = COMPACT.createGenerator(out)) {
            int depth = 0;
            JsonToken t = p.currentToken();
            while (true) {
                switch (t) {
                    case START_OBJECT -> { g.writeStartObject(); depth++; }
                    case START_ARRAY -> { g.writeStartArray(); depth++; }
                    case END_OBJECT -> { g.writeEndObject(); depth--; }
                    case END_ARRAY -> { g.writeEndArray(); depth--; }
                    case FIELD_NAME -> g.writeFieldName(p.currentName());
                    case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> throw new JsonParseException(p, "Unexpected token " + t + " in a nested value");
                }
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
                if (t == null) {
                    throw new JsonEOFException(p, null, "Unexpected end of input inside a nested value");
                }
            }
        }
        return out.toString();
    }

    /** A number with fraction or exponent: DOUBLE reads the double directly, DECIMAL the BigDecimal. */
    private static Object readFloat(JsonParser p, ColumnDef c, String report) throws IOException, SQLException {
        switch (c.type()) {
            case VARCHAR:
                return p.getText();
            case DOUBLE:
                // Not p.getDoubleValue(): Jackson 2.18 copies every float token into a String before
                // parsing it. FastDoubleParser reads the token's chars and rounds exactly as
                // Double.parseDouble does.
                double d = NumberInput.parseDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
                if (Double.isFinite(d)) {
                    return d;
                }
                throw ValueConverter.loss(c, report, p.getText());
            case DECIMAL:
                BigDecimal simple = DecimalText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                return ValueConverter.fromDecimal(simple != null ? simple : p.getDecimalValue(), null, c, report, null);
            default:
                return ValueConverter.fromDecimal(p.getDecimalValue(), null, c, report, p.getText());
        }
    }
}
