package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reports 103 and 106: stoppages of sewing machines, one row per event, in time order. The two
 * reports share this shape and differ in period and number of events.
 */
final class MachineDowntimeLog implements ReportGenerator {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static final int MACHINES_PER_BRANCH = 60;
    private static final List<String> MACHINE_TYPES = List.of(
            "Single needle lockstitch", "Overlock 4-thread", "Flatlock", "Bartack",
            "Buttonhole", "Button sew", "Double needle", "Feed-off-the-arm");
    private static final List<String> TYPE_PREFIXES = List.of(
            "SNL", "OVL", "FLK", "BTK", "BHL", "BSW", "DNL", "FOA");
    private static final List<String> REASONS = List.of(
            "Needle break", "Thread break", "Motor fault", "Oil leak", "Timing off",
            "Feed dog worn", "Power cut", "Waiting for mechanic", "Hook damaged");
    /** Spare parts a stoppage of this reason may consume; other reasons need none. */
    private static final Map<String, List<String>> PARTS_BY_REASON = Map.of(
            "Needle break", List.of("NDL-9", "NDL-11", "NDL-14"),
            "Motor fault", List.of("MTR-220", "BLT-45"),
            "Feed dog worn", List.of("FDG-2", "SCR-4"),
            "Hook damaged", List.of("HK-7", "BOB-1", "TNS-3"));

    private final String seed;
    private final int events;
    private final LocalDateTime firstStart;
    private final long gapMinutes;

    /**
     * @param seed distinguishes the value streams of reports sharing this shape
     * @param events number of rows
     * @param firstStart earliest possible DownStart
     * @param gapMinutes average minutes between two events
     */
    MachineDowntimeLog(String seed, int events, LocalDateTime firstStart, long gapMinutes) {
        this.seed = seed;
        this.events = events;
        this.firstStart = firstStart;
        this.gapMinutes = gapMinutes;
    }

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        return IntStream.rangeClosed(1, events).mapToObj(this::row);
    }

    private Map<String, Object> row(int eventId) {
        RowHash h = RowHash.of(seed, eventId);
        // Jitter below one gap keeps events in time order.
        LocalDateTime start = firstStart.plusMinutes((eventId - 1) * gapMinutes + h.between(0, (int) gapMinutes / 2));
        int machine = h.between(0, ShopFloor.BRANCHES.size() * MACHINES_PER_BRANCH - 1);
        String branch = ShopFloor.BRANCHES.get(machine / MACHINES_PER_BRANCH);
        int type = RowHash.of("machine", machine).between(0, MACHINE_TYPES.size() - 1);
        String machineCode = TYPE_PREFIXES.get(type) + "-" + branch + "-"
                + ShopFloor.pad(machine % MACHINES_PER_BRANCH + 1, 3);
        boolean ongoing = h.oneIn(12);
        int minutes = h.between(4, 180);
        String reason = h.oneIn(7) ? null : h.pick(REASONS);
        boolean acknowledged = !ongoing && !h.oneIn(6);

        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("EventID", eventId);
        row.put("MachineCode", machineCode);
        row.put("MachineType", MACHINE_TYPES.get(type));
        row.put("BranchCode", branch);
        row.put("DownStart", TIMESTAMP.format(start));
        row.put("DownEnd", ongoing ? null : TIMESTAMP.format(start.plusMinutes(minutes)));
        row.put("Minutes", ongoing ? null : minutes);
        row.put("Reason", reason);
        row.put("Parts", reason == null || !PARTS_BY_REASON.containsKey(reason) ? null
                : parts(h, PARTS_BY_REASON.get(reason)));
        row.put("Acknowledged", acknowledged);
        return row;
    }

    /** One to all of the candidate parts, each once, in the candidates' order. */
    private static List<Map<String, Object>> parts(RowHash h, List<String> candidates) {
        int skip = h.between(0, candidates.size() - 1);
        List<Map<String, Object>> parts = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (i == skip || h.oneIn(2)) {
                Map<String, Object> part = new LinkedHashMap<>(4);
                part.put("code", candidates.get(i));
                part.put("qty", h.between(1, 4));
                parts.add(part);
            }
        }
        return parts;
    }
}
