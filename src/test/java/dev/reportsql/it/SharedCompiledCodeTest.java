package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.reportsql.sandbox.RecordedRequest;

/**
 * Queries that differ only in the values pushed to the API generate the same code and share one
 * compiled class (Calcite's cache, turned on by CalciteDefaults), even on new connections; each still
 * sends its own values and gets its own rows. A constant Calcite checks itself is part of the code,
 * so each new one compiles a class of its own.
 */
class SharedCompiledCodeTest extends SandboxFixture {
    @Test
    void pushedValuesShareCompiledCodeAndStillSendTheirOwnValues() throws Exception {
        sandbox.clearRequests();
        ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(2), "-cp", System.getProperty("java.class.path"),
                SharedCompiledCodeMain.class.getName(), url());
        assertEquals(0, r.exitCode(), r.transcript());
        String out = r.out();
        assertTrue(out.contains("cache=256"), "the driver turns the cache on before Calcite loads\n" + out);
        for (String branch : List.of("BR02", "BR03", "BR01")) {
            Matcher m = Pattern.compile("pushed " + branch + " (\\w*):(\\d+):(-?\\d+)").matcher(out);
            assertTrue(m.find(), out);
            assertEquals(branch, m.group(1), "only the branch sent: " + out);
            assertTrue(Integer.parseInt(m.group(2)) > 0 && Long.parseLong(m.group(3)) > 0, out);
        }
        for (int min = 2; min < 5; min++) {
            Matcher m = Pattern.compile("residual " + min + " BR01:(\\d+):(-?\\d+)").matcher(out);
            assertTrue(m.find(), out);
            assertTrue(Long.parseLong(m.group(2)) > min, "the residual constant applies: " + out);
        }
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertEquals(8, calls.size(), "one data call per query, each with its own values");
        String[] sent = {"BR01", "BR01", "BR02", "BR03", "BR01", "BR01", "BR01", "BR01"};
        for (int i = 0; i < sent.length; i++) {
            assertEquals(sent[i], calls.get(i).json().get("filters").get("BranchCode").get(0).asText(), calls.get(i).body());
        }
        long pushedLoads = number(out, "pushedLoads");
        long residualLoads = number(out, "residualLoads");
        assertTrue(residualLoads >= 3, "each new residual constant compiles a class: " + out);
        assertTrue(pushedLoads < residualLoads, "new pushed values reuse the compiled class: " + out);
    }

    private static long number(String out, String name) {
        Matcher m = Pattern.compile(name + "=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }
}
