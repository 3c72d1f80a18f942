package dev.reportsql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Package dependencies that the folders promise, checked on the source files. */
class ArchitectureTest {
    private static final Path ERROR_PACKAGE = Path.of("src/main/java/dev/reportsql/error");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.*]+)\\s*;");

    /** Every layer makes its exceptions through the error package, so it must not pull any layer (or Calcite) in. */
    @Test
    void errorPackageImportsOnlyTheJdk() throws IOException {
        List<Path> sources = javaFiles(ERROR_PACKAGE);
        assertTrue(sources.contains(ERROR_PACKAGE.resolve("Errors.java")), "sources not found under " + ERROR_PACKAGE);
        List<String> foreign = new ArrayList<>();
        for (Path source : sources) {
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                Matcher m = IMPORT.matcher(line);
                if (m.find() && !m.group(1).startsWith("java.")) {
                    foreign.add(source.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), foreign, "dev.reportsql.error may import java.* only");
    }

    /** Adding a third API means adding its package, not untangling the engine: the engine names no adapter. */
    @Test
    void engineImportsNoAdapter() throws IOException {
        Path engine = Path.of("src/main/java/dev/reportsql/sql");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(engine)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.contains(engine.resolve("QueryEngine.java")), "sources not found under " + engine);
        List<String> adapters = new ArrayList<>();
        for (Path source : sources) {
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                Matcher m = IMPORT.matcher(line);
                if (m.find() && (m.group(1).startsWith("dev.reportsql.sooperwizer")
                        || m.group(1).startsWith("dev.reportsql.reportei") || m.group(1).startsWith("dev.reportsql.jdbc")
                        || m.group(1).startsWith("dev.reportsql.sandbox") || m.group(1).startsWith("dev.reportsql.cli")
                        || m.group(1).startsWith("okhttp3."))) {
                    adapters.add(engine.relativize(source) + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), adapters, "dev.reportsql.sql and its subpackages may not import an adapter, "
                + "the JDBC layer, the CLI, the sandbox or the HTTP client");
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
