package dev.reportsql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code META-INF/THIRD-PARTY.md} true: it lists exactly the libraries the jar bundles (the
 * runtime dependencies Maven resolved for this build), each at its version, under the licence its
 * own POM declares, with the licence text present. A new or upgraded dependency fails this test
 * until its row is written.
 */
class ThirdPartyNoticesTest {
    private static final Path NOTICES = Path.of("META-INF/THIRD-PARTY.md");
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s*([^:\\s]+):([^:\\s]+):jar:([^:\\s]+).*");
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+)` \\| ([^ |]+) \\| ([^ |]+) \\| \\[licenses/([^]]+)]\\(licenses/([^)]+)\\) \\|$");

    private record Row(String version, String licence, String textFile) {
    }

    @Test
    void everyBundledLibraryHasItsRowAndEveryRowIsBundled() throws IOException {
        Map<String, String> bundled = bundled();
        Map<String, Row> listed = listed();
        List<String> problems = new ArrayList<>();
        bundled.forEach((artifact, version) -> {
            Row row = listed.get(artifact);
            if (row == null) {
                problems.add("missing row: | `" + artifact + "` | " + version + " | <SPDX id> | [licenses/<file>](licenses/<file>) |");
            } else if (!row.version().equals(version)) {
                problems.add(artifact + " is bundled at " + version + " but listed at " + row.version());
            }
        });
        listed.keySet().stream().filter(a -> !bundled.containsKey(a))
                .forEach(a -> problems.add(a + " is listed but no longer bundled: remove its row"));
        if (!problems.isEmpty()) {
            fail("META-INF/THIRD-PARTY.md is out of date:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void everyLicenceTextIsThereAndMatchesTheLibrarysPom() throws IOException {
        Path repository = Path.of(requiredProperty("reportsql.localRepository"));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Row> e : listed().entrySet()) {
            Row row = e.getValue();
            Path text = NOTICES.resolveSibling("licenses").resolve(row.textFile());
            if (!Files.isRegularFile(text) || Files.size(text) < 500) {
                problems.add(e.getKey() + ": no licence text at " + text);
            }
            String declared = PomLicences.declared(repository, e.getKey(), row.version());
            if (!spdx(declared).contains(row.licence())) {
                problems.add(e.getKey() + " is listed as " + row.licence() + " but its POM declares: " + declared);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDriversOwnLicenceIsApache2() throws IOException {
        String licence = Files.readString(Path.of("META-INF/LICENSE"), StandardCharsets.UTF_8);
        assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"), "Apache-2.0 text");
        assertTrue(Files.readString(Path.of("META-INF/NOTICE"), StandardCharsets.UTF_8).contains("THIRD-PARTY.md"));
    }

    /** The SPDX identifiers a POM's licence names stand for. */
    private static List<String> spdx(String declared) {
        String d = declared.toLowerCase(Locale.ROOT);
        List<String> ids = new ArrayList<>();
        if (d.contains("apache")) {
            ids.add("Apache-2.0");
        }
        if (d.contains("mit")) {
            ids.add("MIT");
        }
        if (d.contains("bsd-3") || d.contains("bsd 3")) {
            ids.add("BSD-3-Clause");
        }
        if (d.contains("eclipse distribution license")) {
            ids.add("EDL-1.0");
        }
        if (d.contains("eclipse public license")) {
            ids.add("EPL-2.0");
        }
        return ids;
    }

    private static Map<String, String> bundled() throws IOException {
        Path list = Path.of(requiredProperty("reportsql.bundledDependencies"));
        assertTrue(Files.isRegularFile(list), "no " + list + ": the build's dependency:list step did not run");
        Map<String, String> bundled = new TreeMap<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.matches()) {
                bundled.put(m.group(1) + ":" + m.group(2), m.group(3));
            }
        }
        assertTrue(bundled.size() > 10, "the dependency list names the bundled libraries: " + bundled);
        return bundled;
    }

    private static Map<String, Row> listed() throws IOException {
        Map<String, Row> listed = new TreeMap<>();
        for (String line : Files.readAllLines(NOTICES, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertEquals(m.group(4), m.group(5), "link text and target agree in: " + line);
                listed.put(m.group(1), new Row(m.group(2), m.group(3), m.group(4)));
            } else if (line.startsWith("| `")) {
                fail("a row of META-INF/THIRD-PARTY.md does not read as | `group:artifact` | version | SPDX | [licenses/f](licenses/f) |: "
                        + line);
            }
        }
        return listed;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        Assumptions.assumeTrue(value != null, name + " is set by the Maven build (pom.xml); run this test through mvn");
        return value;
    }
}
