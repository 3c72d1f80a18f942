package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Repeated texts come back as the same String; every text comes back with exactly its characters. */
class TextMemoTest {
    private static List<String> readAll(String json, int columns) throws IOException {
        TextMemo memo = new TextMemo();
        List<String> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            int i = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    out.add(memo.read(p, i++ % columns));
                }
            }
        }
        return out;
    }

    @Test
    void sameTextSameColumnIsTheSameString() throws IOException {
        String longText = "x".repeat(40);
        List<String> v = readAll("[\"BR01\",\"A\",\"BR01\",\"B\",\"BR01\",\"A\",\"BR02\",\"\",\"BR02\",\"\",\""
                + longText + "\",\"é\u00e9\",\"" + longText + "\",\"é\u00e9\"]", 2);
        assertEquals(List.of("BR01", "A", "BR01", "B", "BR01", "A", "BR02", "", "BR02", "", longText, "éé", longText, "éé"), v);
        assertSame(v.get(0), v.get(2));
        assertSame(v.get(2), v.get(4));
        assertSame(v.get(6), v.get(8));
        assertSame(v.get(7), v.get(9));
        assertSame(v.get(11), v.get(13));
    }

    @Test
    void manyColumnsGrowTheMemo() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 40; c++) {
                json.append(row + c == 0 ? "" : ",").append("\"c").append(c).append(row == 2 ? "z" : "").append('"');
            }
        }
        List<String> v = readAll(json.append(']').toString(), 40);
        assertEquals(120, v.size());
        assertSame(v.get(39), v.get(79));
        assertEquals("c39z", v.get(119));
    }
}
