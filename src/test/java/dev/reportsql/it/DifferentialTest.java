package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential test: every query of {@code differential/queries.sql} runs on the driver and on
 * H2 loaded with the rows the sandbox serves; the answers must agree and the driver must send
 * exactly the get-data bodies the query's {@code @requests} lists. One dynamic test per query,
 * named by its line. See docs/testing.md.
 */
class DifferentialTest extends SandboxFixture {
    static final String CORPUS = "/differential/queries.sql";

    private static DifferentialCorpus corpus;
    private static DifferentialHarness harness;

    @BeforeAll
    static void mirror() throws Exception {
        corpus = DifferentialCorpus.load(CORPUS);
        harness = new DifferentialHarness(sandbox, corpus.tables);
    }

    @AfterAll
    static void close() throws Exception {
        harness.close();
    }

    @Test
    void corpusCoversEnough() {
        assertTrue(corpus.queries.size() >= 300, "the corpus holds " + corpus.queries.size() + " queries");
        assertTrue(corpus.tables.size() >= 6, "the corpus mirrors " + corpus.tables.size() + " reports");
    }

    @TestFactory
    Stream<DynamicTest> corpusQueries() {
        return corpus.queries.stream().map(q -> DynamicTest.dynamicTest(name(q), () -> {
            List<String> problems = harness.check(q);
            assertEquals(List.of(), problems, "line " + q.line() + ": " + q.sql());
        }));
    }

    private static String name(DifferentialCorpus.Query q) {
        String sql = q.sql().length() > 90 ? q.sql().substring(0, 90) + "..." : q.sql();
        return String.format(Locale.ROOT, "line %d: %s", q.line(), sql);
    }
}
