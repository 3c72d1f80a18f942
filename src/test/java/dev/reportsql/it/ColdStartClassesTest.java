package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The first connection and queries of a new JVM must not load what makes a cold start slow
 * (docs/performance.md, cold start): Calcite's {@code CoreRules} and {@code Programs} (every core
 * rule is built when either loads), metadata handlers compiled by Janino, and jackson-databind.
 * A child JVM logs the classes it loads while it runs a query and a join against this class's sandbox.
 */
class ColdStartClassesTest extends SandboxFixture {
    private static final List<String> AVOIDED = List.of("org.apache.calcite.rel.rules.CoreRules ",
            "org.apache.calcite.tools.Programs ", "org.apache.calcite.plan.RelOptRules ", ".GeneratedMetadata_",
            "com.fasterxml.jackson.databind.");

    @Test
    void firstQueriesLoadNeitherAllRulesNorJaninoMetadataNorDatabind() throws Exception {
        Path log = Files.createTempFile("reportsql-classes", ".log");
        try {
            ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(2), "-Xlog:class+load=info:file=" + log,
                    "-cp", System.getProperty("java.class.path"), ColdStartClassesMain.class.getName(), url());
            assertEquals(0, r.exitCode(), r.transcript());
            assertTrue(r.out().contains("filtered=100"), r.transcript());
            assertTrue(r.out().contains("joined=3"), r.transcript());
            List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertTrue(loaded.stream().anyMatch(l -> l.contains("org.apache.calcite.plan.volcano.VolcanoPlanner ")),
                    "the log lists the classes the child loaded");
            for (String avoided : AVOIDED) {
                String hits = loaded.stream().filter(l -> l.contains(avoided)).limit(3).collect(Collectors.joining("\n"));
                assertTrue(hits.isEmpty(), "the child loaded " + avoided.trim() + ":\n" + hits);
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
