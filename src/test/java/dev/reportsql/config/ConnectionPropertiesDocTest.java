package dev.reportsql.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The property table in docs/connection-properties.md is generated from {@link ConnectionProperty}.
 * Run with {@code -Dreportsql.updateDocs=true} to rewrite it after changing the enum.
 */
class ConnectionPropertiesDocTest {
    private static final Path DOC = Path.of("docs/connection-properties.md");
    private static final String BEGIN = "<!-- BEGIN GENERATED PROPERTY TABLE -->";
    private static final String END = "<!-- END GENERATED PROPERTY TABLE -->";

    /** One section per topic, in the enum's order, each with a table of its properties. */
    static String table() {
        StringBuilder b = new StringBuilder();
        PropertyTopic section = null;
        for (ConnectionProperty p : ConnectionProperty.values()) {
            if (p.topic() != section) {
                section = p.topic();
                b.append("\n## ").append(section.title()).append("\n\n").append(section.summary()).append("\n\n");
                b.append("| key | API | kind | default | required | description |\n");
                b.append("|---|---|---|---|---|---|\n");
            }
            String apis = java.util.Arrays.stream(Api.values()).filter(p::appliesTo).map(Api::urlName)
                    .collect(Collectors.joining(", "));
            b.append("| `").append(p.key()).append("` | ").append(apis).append(" | ").append(p.kind().expected())
                    .append(" | ").append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
                    .append(" | ").append(p.required() ? "yes" : "no")
                    .append(" | ").append(p.description().replace("|", "\\|"))
                    .append(p.choices().isEmpty() ? "" : " Choices: " + String.join(", ", p.choices()))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** A topic's properties are declared together, and the topics come in their own order, so each gets one section. */
    @Test
    void constantsAreGroupedByTopicInTopicOrder() {
        ConnectionProperty previous = null;
        for (ConnectionProperty p : ConnectionProperty.values()) {
            if (previous != null) {
                assertTrue(p.topic().compareTo(previous.topic()) >= 0,
                        p + " (" + p.topic() + ") is declared after " + previous + " (" + previous.topic() + ")");
            }
            previous = p;
        }
    }

    @Test
    void docsTableMatchesTheEnum() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "markers missing in " + DOC);
        String expected = "\n" + table();
        String actual = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("reportsql.updateDocs") && !expected.equals(actual)) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "regenerate with -Dreportsql.updateDocs=true");
    }
}
