package dev.reportsql.http;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Small JSON bodies (token grants, OAuth error bodies, the report catalog) read into plain values
 * with Jackson's streaming parser: objects become {@link Map}s (in document order), arrays
 * {@link List}s, strings, {@link Long}/{@link BigInteger}/{@link Double} numbers, {@link Boolean}s
 * and {@link #NULL}. Jackson's tree model did this before, but loading it (about 300 classes) cost
 * every new JVM a tenth of a second on its first connection. The accessors answer as the tree
 * model's {@code asText}, {@code asLong} and {@code asBoolean} did, so lenient readings stay the same.
 */
public final class JsonBody {
    /** An explicit JSON {@code null} (a missing field is Java {@code null}). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBody() {
    }

    /**
     * Reads the first JSON value of the body (what follows it is ignored, as the tree model did);
     * Java {@code null} when the body is empty or blank.
     *
     * @throws IOException if the body is not JSON
     */
    public static Object parse(String body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            return t == null ? null : value(p, t);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /** The field of an object; Java {@code null} when absent or when {@code node} is not an object. */
    public static Object field(Object node, String name) {
        return node instanceof Map ? ((Map<?, ?>) node).get(name) : null;
    }

    /** The fields of an object in document order; empty when {@code node} is not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> fields(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : Map.of();
    }

    /** Whether {@code node} is an object. */
    public static boolean isObject(Object node) {
        return node instanceof Map;
    }

    /** Whether {@code node} is an array. */
    public static boolean isArray(Object node) {
        return node instanceof List;
    }

    /** The elements of an array; empty when {@code node} is not an array. */
    public static List<?> elements(Object node) {
        return node instanceof List ? (List<?>) node : List.of();
    }

    /** Text of a scalar ({@code ""} for an object or array); {@code dflt} when missing or null. */
    public static String text(Object node, String dflt) {
        if (node == null || node == NULL) {
            return dflt;
        }
        if (node instanceof Map || node instanceof List) {
            return "";
        }
        return node.toString();
    }

    /** A number as long (fractions cut off); numeric text is parsed; {@code dflt} otherwise. */
    public static long asLong(Object node, long dflt) {
        if (node instanceof Number) {
            return ((Number) node).longValue();
        }
        if (node instanceof Boolean) {
            return (Boolean) node ? 1 : 0;
        }
        if (node instanceof String) {
            String s = ((String) node).trim();
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                try {
                    return (long) Double.parseDouble(s);
                } catch (NumberFormatException e2) {
                    return dflt;
                }
            }
        }
        return dflt;
    }

    /** A boolean, the text {@code true}/{@code false}, or an integer other than 0; {@code dflt} otherwise. */
    public static boolean asBoolean(Object node, boolean dflt) {
        if (node instanceof Boolean) {
            return (Boolean) node;
        }
        if (node instanceof String) {
            String s = ((String) node).trim();
            return "true".equals(s) || (!"false".equals(s) && dflt);
        }
        if (node instanceof Long) {
            return (Long) node != 0;
        }
        if (node instanceof BigInteger) {
            return ((BigInteger) node).signum() != 0;
        }
        return dflt;
    }

    /** Whether a number fits a long (a fraction is allowed and cut off by {@link #asLong}). */
    public static boolean isLong(Object node) {
        if (node instanceof Long) {
            return true;
        }
        if (node instanceof BigInteger) {
            return ((BigInteger) node).bitLength() < 64;
        }
        if (node instanceof Double) {
            double d = (Double) node;
            return d >= Long.MIN_VALUE && d <= Long.MAX_VALUE;
        }
        return false;
    }

    /** Compact JSON text of a value read by {@link #parse} (for error messages). */
    public static String toJson(Object node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object node) throws IOException {
        if (node == null || node == NULL) {
            g.writeNull();
        } else if (node instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof List) {
            g.writeStartArray();
            for (Object e : (List<?>) node) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (node instanceof String) {
            g.writeString((String) node);
        } else if (node instanceof Boolean) {
            g.writeBoolean((Boolean) node);
        } else if (node instanceof BigInteger) {
            g.writeNumber((BigInteger) node);
        } else if (node instanceof Double) {
            g.writeNumber((Double) node);
        } else {
            g.writeNumber(((Number) node).longValue());
        }
    }
}
