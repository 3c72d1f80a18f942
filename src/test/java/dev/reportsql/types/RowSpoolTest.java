package dev.reportsql.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RowSpoolTest {
    private static final String BODY = """
            [{"id": 1, "amount": 87.30, "ratio": 1e3, "big": 92233720368547758070, "note": "caf\\u00e9 \\"q\\"",
              "nested": {"a": [1, 2.50, null], "b": {"c": true}}, "flag": false, "none": null},
             {"id": 2, "amount": 12.5, "late": "first seen in row 2"},
             {"id": 3, "amount": 0.25, "ratio": 2.5E-7}]""";

    /** The reader's side: the body's bytes go to the copy as they are read, the rows to add. */
    private static void feed(RowSpool spool, List<Map<String, Object>> raw) throws SQLException, IOException {
        byte[] bytes = BODY.getBytes(StandardCharsets.UTF_8);
        try (OutputStream copy = spool.copy()) {
            copy.write(bytes, 0, bytes.length / 2); // a parser reads ahead of the rows it returns
            for (Map<String, Object> row : raw) {
                spool.add(row);
            }
            copy.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        }
    }

    @Test
    void aResponsePastTheMemoryBoundComesBackFromTheFileExactlyAsItCame() throws SQLException, IOException {
        List<Map<String, Object>> raw = Json.rawRows(BODY);
        RowClassifier classifier = new RowClassifier();
        raw.forEach(classifier::add);
        List<Path> before = spoolFiles();
        RowSpool spool = new RowSpool(1, "TestReport");
        feed(spool, raw);
        assertTrue(spool.spilled());
        assertEquals(3, spool.size());
        assertEquals(0, spool.memoryRows().size(), "the file holds every row");
        List<Path> during = spoolFiles();
        assertEquals(before.size() + 1, during.size(), "one temporary file while the rows wait");
        RowLayout layout = new RowLayout("TestReport", classifier.columns());
        List<Object[]> replayed = new ArrayList<>();
        try (JsonRowStream file = spool.replayFile()) {
            assertEquals(before, spoolFiles(), "the file has no name once it is open for replay");
            Object[] row;
            while ((row = file.next(layout)) != null) {
                replayed.add(row);
            }
        }
        assertEquals(raw.size(), replayed.size());
        for (int i = 0; i < raw.size(); i++) {
            assertArrayEquals(layout.convert(raw.get(i)), replayed.get(i), "row " + (i + 1));
        }
        // Text columns show numbers and nested values exactly as the API wrote them.
        assertEquals("{\"a\":[1,2.50,null],\"b\":{\"c\":true}}", replayed.get(0)[layout.indexOf("nested")]);
        assertEquals("2.5E-7", String.valueOf(raw.get(2).get("ratio") instanceof JsonDecimal d ? d.text() : null));
    }

    @Test
    void rowsWithinTheBoundNeedNoFile() throws SQLException, IOException {
        List<Path> before = spoolFiles();
        RowSpool spool = new RowSpool(10, "TestReport");
        feed(spool, Json.rawRows(BODY));
        assertFalse(spool.spilled());
        assertNull(spool.replayFile());
        assertEquals(3, spool.memoryRows().size());
        assertEquals(before, spoolFiles());
    }

    @Test
    void closingAnUnreplayedSpoolDeletesItsFile() throws SQLException, IOException {
        List<Path> before = spoolFiles();
        RowSpool spool = new RowSpool(0, "TestReport");
        feed(spool, Json.rawRows(BODY));
        assertEquals(before.size() + 1, spoolFiles().size());
        spool.close();
        assertEquals(before, spoolFiles());
    }

    private static List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("reportsql-rows-")).sorted().toList();
        }
    }
}
