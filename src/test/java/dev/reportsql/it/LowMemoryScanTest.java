package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A year of LineOutputDaily (109,500 rows, about 21 MB of JSON) is scanned, grouped and sorted in a
 * child JVM capped at 128 MB of heap: the rows stream through the driver and are never all held.
 */
class LowMemoryScanTest {
    private static final int ROWS_PER_BRANCH = 365 * 100;

    @Test
    void yearOfLineOutputRunsIn128MbOfHeap() throws Exception {
        ChildJvm.Result r = ChildJvm.run(Duration.ofMinutes(4), "-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), LowMemoryScanMain.class.getName());
        System.out.println("Child JVM (-Xmx128m):\n" + r.transcript());
        assertEquals(0, r.exitCode(), r.transcript());
        String out = r.out();

        Matcher summary = find(out, "^rows=(\\d+) sum=(\\d+) peakHeapMB=([\\d.]+) .*maxHeapMB=([\\d.]+) ");
        long rows = Long.parseLong(summary.group(1));
        long sum = Long.parseLong(summary.group(2));
        assertEquals(3L * ROWS_PER_BRANCH, rows, r.transcript());
        assertTrue(Double.parseDouble(summary.group(4)) <= 128.0, "the child's heap was capped: " + summary.group());

        Matcher scan = find(out, "^scan rows=(\\d+) sum=(\\d+) max=(\\d+) columns=(\\d+) ");
        assertEquals(12, Integer.parseInt(scan.group(4)), "ten data columns and the two date filters");

        Map<String, long[]> groups = new TreeMap<>();
        Matcher g = Pattern.compile("(?m)^group BranchCode=(\\S+) count=(\\d+) sum=(\\d+)$").matcher(out);
        while (g.find()) {
            groups.put(g.group(1), new long[] {Long.parseLong(g.group(2)), Long.parseLong(g.group(3))});
        }
        assertEquals(List.of("BR01", "BR02", "BR03"), new ArrayList<>(groups.keySet()), r.transcript());
        long groupSum = 0;
        for (Map.Entry<String, long[]> e : groups.entrySet()) {
            assertEquals(ROWS_PER_BRANCH, e.getValue()[0], "rows of " + e.getKey());
            groupSum += e.getValue()[1];
        }
        assertEquals(sum, groupSum, "the branch sums add up to the scan's sum");

        List<Long> top = new ArrayList<>();
        Matcher t = Pattern.compile("(?m)^top ProducedQty=(\\d+) ").matcher(out);
        while (t.find()) {
            top.add(Long.parseLong(t.group(1)));
        }
        assertEquals(10, top.size(), r.transcript());
        for (int i = 1; i < top.size(); i++) {
            assertTrue(top.get(i - 1) >= top.get(i), "top ten sorted descending: " + top);
        }
        assertEquals(Long.parseLong(scan.group(3)), top.get(0), "the first of the top ten is the scan's maximum");
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), "no line matching " + regex + " in:\n" + text);
        return m;
    }
}
