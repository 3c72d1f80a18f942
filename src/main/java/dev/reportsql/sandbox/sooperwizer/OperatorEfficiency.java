package dev.reportsql.sandbox.sooperwizer;

import dev.reportsql.sandbox.RowHash;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Report 102: per-operator output on one day, 20 operators per requested sewing line. */
final class OperatorEfficiency implements ReportGenerator {
    static final List<FilterSpec> FILTERS = List.of(
            FilterSpec.single("Date", true),
            FilterSpec.list("LineCodes", true));

    static final int OPERATORS_PER_LINE = 20;

    /** Operator n (1-based) of every line performs operation n-1. */
    static final List<String> OPERATIONS = List.of(
            "Collar attach", "Collar run-stitch", "Cuff attach", "Sleeve attach", "Side seam",
            "Shoulder join", "Placket attach", "Pocket attach", "Label attach", "Bottom hem",
            "Sleeve hem", "Button hole", "Button sew", "Bartack", "Yoke attach",
            "Front rise", "Back rise", "Waistband attach", "Thread trim", "Top-stitch");

    private static final List<Integer> SHIFT_MINUTES = List.of(480, 480, 480, 450, 510, 240);

    @Override
    public void validate(FilterValues filters) throws BadRequest {
        ShopFloor.date("Date", filters.single("Date"));
    }

    @Override
    public Stream<Map<String, Object>> rows(FilterValues filters) {
        LocalDate date = LocalDate.parse(filters.single("Date"));
        // Request order, each line once; codes that name no line produce nothing.
        List<String> lines = new LinkedHashSet<>(filters.list("LineCodes")).stream()
                .filter(ShopFloor::isLine)
                .toList();
        return lines.stream().flatMap(line -> IntStream.rangeClosed(1, OPERATORS_PER_LINE)
                .mapToObj(n -> row(date, line, n)));
    }

    private static Map<String, Object> row(LocalDate date, String line, int n) {
        String operatorId = "OP-" + line + "-" + ShopFloor.pad(n, 2);
        RowHash person = RowHash.of("operator", operatorId);
        String name = ShopFloor.personName(person);
        boolean trainee = person.oneIn(8);
        int samThousandths = RowHash.of("sam", line, n).between(300, 2500);

        RowHash day = RowHash.of(102, date, operatorId);
        int minutes = day.pick(SHIFT_MINUTES);
        int targetPct = trainee ? day.between(40, 80) : day.between(65, 125);
        int pieces = (int) Math.round(minutes * targetPct * 10.0 / samThousandths);
        double efficiency = pieces * (double) samThousandths / (10.0 * minutes);

        Map<String, Object> row = new LinkedHashMap<>(16);
        row.put("OperatorID", operatorId);
        row.put("OperatorName", name);
        row.put("LineCode", line);
        row.put("Operation", OPERATIONS.get(n - 1));
        row.put("SAM", BigDecimal.valueOf(samThousandths, 3));
        row.put("PiecesCompleted", pieces);
        row.put("MinutesWorked", minutes);
        row.put("EfficiencyPct", efficiency);
        row.put("IsTrainee", trainee);
        return row;
    }
}
