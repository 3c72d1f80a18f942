package dev.reportsql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Table output lines up by terminal columns, also with wide (CJK) characters and combining marks. */
class ResultPrinterTest {

    @Test
    void displayWidthOfWideAndCombiningCharacters() {
        assertEquals(3, ResultPrinter.width("abc"));
        assertEquals(4, ResultPrinter.width("色差"));
        assertEquals(1, ResultPrinter.width("e\u0301"));
        assertEquals(6, ResultPrinter.width("ＡＢＣ"));
    }

    @Test
    void tableLinesHaveEqualWidthWithCjkText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = Main.run(new String[] {"SELECT 'ok' AS a, '色差 defect' AS b UNION ALL SELECT 'longer text', 'x'"},
                out, out);
        assertEquals(0, code, bytes.toString(StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("|") || l.startsWith("+")).toList();
        assertEquals(6, lines.size());
        int expected = ResultPrinter.width(lines.get(0));
        for (String line : lines) {
            assertEquals(expected, ResultPrinter.width(line), line);
        }
    }
}
