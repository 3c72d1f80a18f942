package dev.reportsql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link JsonBody} replaced Jackson's tree model for token, error and catalog bodies; these tests
 * hold its lenient readings to the tree model's, value kind by value kind.
 */
class JsonBodyTest {
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final String BODY = "{\"null\":null,\"paddedInt\":\" 42 \",\"fraction\":1.9,\"true\":true,\"false\":false,"
            + "\"text\":\"abc\",\"object\":{\"x\":1},\"array\":[1,\"a\"],\"huge\":1e30,\"textTrue\":\"true\",\"textFalse\":\"false\","
            + "\"zero\":0,\"seven\":7,\"textFraction\":\"2.5\",\"bigInt\":12345678901234567890,\"negative\":-3,"
            + "\"small\":1e-7,\"unicode\":\"色差 👍\",\"escaped\":\"a\\\"b\\\\c\\n\"}";

    @Test
    void readsFieldsAsTheTreeModelDid() throws IOException {
        Object ours = JsonBody.parse(BODY);
        JsonNode tree = TREE.readTree(BODY);
        List<String> names = List.of("null", "paddedInt", "fraction", "true", "false", "text", "object", "array", "huge",
                "textTrue", "textFalse", "zero", "seven", "textFraction", "bigInt", "negative", "small", "unicode", "escaped",
                "missing");
        for (String name : names) {
            Object v = JsonBody.field(ours, name);
            JsonNode t = tree.path(name);
            assertEquals(t.asText(null), JsonBody.text(v, null), "asText of " + name);
            assertEquals(t.asText("dflt"), JsonBody.text(v, "dflt"), "asText with default of " + name);
            assertEquals(t.asLong(60), JsonBody.asLong(v, 60), "asLong of " + name);
            assertEquals(t.asBoolean(false), JsonBody.asBoolean(v, false), "asBoolean(false) of " + name);
            assertEquals(t.asBoolean(true), JsonBody.asBoolean(v, true), "asBoolean(true) of " + name);
            assertEquals(t.canConvertToLong(), JsonBody.isLong(v), "canConvertToLong of " + name);
            assertEquals(t.isObject(), JsonBody.isObject(v), "isObject of " + name);
            assertEquals(t.isArray(), JsonBody.isArray(v), "isArray of " + name);
        }
        assertEquals(TREE.readTree(BODY).toString(), JsonBody.toJson(ours));
    }

    @Test
    void shapesOtherThanObjectsAnswerLikeMissingFields() throws IOException {
        for (String body : List.of("[1,2]", "5", "\"text\"", "null")) {
            Object ours = JsonBody.parse(body);
            JsonNode tree = TREE.readTree(body);
            assertEquals(tree.path("a").asText(null), JsonBody.text(JsonBody.field(ours, "a"), null), body);
            assertEquals(tree.isArray(), JsonBody.isArray(ours), body);
            assertTrue(JsonBody.fields(ours).isEmpty(), body);
        }
        assertEquals(List.of(1L, 2L), JsonBody.elements(JsonBody.parse("[1,2]")));
    }

    @Test
    void emptyBodyIsNoValueAndTrailingTextIsIgnored() throws IOException {
        assertNull(JsonBody.parse(""));
        assertNull(JsonBody.parse("  \n"));
        assertEquals(1L, JsonBody.asLong(JsonBody.field(JsonBody.parse("{\"a\":1} trailing"), "a"), 0));
    }

    @Test
    void textThatIsNotJsonFails() {
        assertThrows(IOException.class, () -> JsonBody.parse("<html>Bad gateway</html>"));
        assertThrows(IOException.class, () -> JsonBody.parse("{\"a\":"));
    }
}
