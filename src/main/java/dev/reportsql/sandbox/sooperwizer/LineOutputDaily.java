package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Report 101: pieces produced per sewing line per day, 100 lines per branch. */
final class LineOutputDaily implements ReportGenerator {
    static final List<FilterSpec> FILTERS = List.of(
            FilterSpec.single("StartDate", true),
            FilterSpec.single("EndDate", true),
            FilterSpec.list("BranchCode", false));

    @Override
    public void validate(FilterValues filters) throws BadRequest {
        LocalDate start = ShopFloor.date("StartDate", filters.single("StartDate"));
        LocalDate end = ShopFloor.date("EndDate", filters.single("EndDate"));
        if (end.isBefore(start)) {
            throw new BadRequest("EndDate " + end + " is before StartDate " + start);
        }
    }

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        LocalDate start = LocalDate.parse(filters.single("StartDate"));
        LocalDate end = LocalDate.parse(filters.single("EndDate"));
        List<String> requested = filters.list("BranchCode");
        // Branches always come in their own order, whatever order the request named them in.
        List<String> branches = requested == null
                ? ShopFloor.BRANCHES
                : ShopFloor.BRANCHES.stream().filter(requested::contains).toList();
        long perDay = (long) branches.size() * ShopFloor.LINES_PER_BRANCH;
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        return LongStream.range(0, perDay * days).mapToObj(i -> {
            LocalDate date = start.plusDays(i / perDay);
            String branch = branches.get((int) (i % perDay / ShopFloor.LINES_PER_BRANCH));
            int line = (int) (i % ShopFloor.LINES_PER_BRANCH) + 1;
            return row(date, branch, line);
        });
    }

    private static Map<String, Object> row(LocalDate date, String branch, int line) {
        String lineCode = ShopFloor.lineCode(branch, line);
        RowHash lineFacts = RowHash.of("line", lineCode);
        int baseTarget = lineFacts.between(40, 90) * 10;
        int operators = lineFacts.between(18, 40);
        String shift = lineFacts.oneIn(3) ? "B" : "A";
        String style = ShopFloor.styleCode(RowHash.of("style", lineCode, date.toEpochDay() / 7));

        RowHash day = RowHash.of(101, date, lineCode);
        int target = baseTarget + day.between(-2, 2) * 10;
        int produced = (int) Math.round(target * (0.70 + 0.42 * day.unit()));
        int defects = (int) Math.round(produced * 0.05 * day.unit());
        BigDecimal efficiency = BigDecimal.valueOf(Math.round(produced * 10000.0 / target), 2);

        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("ProductionDate", date.toString());
        row.put("BranchCode", branch);
        row.put("LineCode", lineCode);
        row.put("Shift", shift);
        row.put("StyleCode", style);
        row.put("TargetQty", target);
        row.put("ProducedQty", produced);
        row.put("DefectQty", defects);
        row.put("EfficiencyPct", efficiency);
        row.put("Operators", operators + day.between(-2, 1));
        return row;
    }
}
